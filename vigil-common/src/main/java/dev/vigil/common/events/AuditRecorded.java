package dev.vigil.common.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Data of a {@code dev.vigil.audit.recorded} event on {@code vigil.audit.v1}: one sensitive
 * action, sent by every service and the gateway, stored by the audit service.
 *
 * @param user the subject that acted; {@code null} for the system or an anonymous caller
 * @param ip the caller's address as the receiving service saw it
 * @param userAgent the caller's User-Agent header
 * @param action what was done, e.g. {@code POST} or {@code incident.opened}
 * @param resource what it was done to, e.g. a request path
 * @param outcome the HTTP status the action ended with
 * @param metadata anything else worth keeping, as a JSON object
 * @param requestId the request id the action ran under
 */
public record AuditRecorded(@Nullable String user, @Nullable String ip, @Nullable String userAgent, String action,
        String resource, int outcome, Map<String, Object> metadata, @Nullable String requestId) {

    public static final String TYPE = "dev.vigil.audit.recorded";

    public AuditRecorded {
        metadata = (metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(metadata)) : Map.of();
    }
}
