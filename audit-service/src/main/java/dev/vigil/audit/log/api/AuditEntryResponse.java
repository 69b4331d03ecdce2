package dev.vigil.audit.log.api;

import java.time.Instant;
import java.util.Map;

import dev.vigil.audit.log.domain.AuditEntry;
import org.jspecify.annotations.Nullable;

/** An audit entry as the API shows it; {@code seq} is its leaf index and {@code leaf} the exact string its leaf hash covers. */
record AuditEntryResponse(long seq, String eventId, Instant time, @Nullable String user, String action,
        String resource, int outcome, @Nullable String ip, @Nullable String userAgent, Map<String, Object> metadata,
        @Nullable String requestId, String source, String leaf) {

    static AuditEntryResponse of(AuditEntry entry) {
        return new AuditEntryResponse(entry.seq(), entry.eventId().toString(), entry.recordedAt(), entry.user(),
                entry.action(), entry.resource(), entry.outcome(), entry.ip(), entry.userAgent(), entry.metadata(),
                entry.requestId(), entry.source(), entry.leaf());
    }
}
