package dev.vigil.audit.log.domain;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An entry to append; the log gives it its sequence number and time. */
public record NewAuditEntry(UUID eventId, @Nullable String user, String action, String resource, int outcome,
        @Nullable String ip, @Nullable String userAgent, Map<String, Object> metadata, @Nullable String requestId,
        String source) {
}
