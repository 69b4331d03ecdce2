package dev.vigil.audit.log.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One recorded action, as stored.
 *
 * @param seq position in the log, from 0, in append order
 * @param eventId the id of the event or request that recorded it; appending it twice records it once
 * @param recordedAt the audit service's clock when the entry was appended
 * @param user who acted; {@code null} for the system or an anonymous caller
 * @param action what was done
 * @param resource what it was done to
 * @param outcome the HTTP status the action ended with
 * @param ip the caller's address
 * @param userAgent the caller's User-Agent
 * @param metadata anything else, a JSON object
 * @param requestId the request the action ran under
 * @param source who reported it, e.g. {@code /vigil/gateway}
 * @param leaf the entry as RFC 8785 canonical JSON: the bytes its Merkle leaf hash covers
 * @param prevHash the chain hash of the entry before it (32 zero bytes for the first)
 * @param hash SHA-256(prevHash || leaf)
 */
public record AuditEntry(long seq, UUID eventId, Instant recordedAt, @Nullable String user, String action,
        String resource, int outcome, @Nullable String ip, @Nullable String userAgent, Map<String, Object> metadata,
        @Nullable String requestId, String source, String leaf, byte[] prevHash, byte[] hash) {
}
