package dev.vigil.incident.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An incident as stored.
 *
 * @param signature what makes two occurrences the same incident
 * @param source who raised it first, e.g. {@code /vigil/audit-service}, {@code alertmanager}, {@code api}
 * @param occurrenceCount how many times it was raised while unresolved, the first time included
 * @param detectedAt when it was first detected (by whoever raised it, not when it was stored)
 * @param lastSeenAt when the latest occurrence was detected
 * @param takenOver whether a person has changed it; automation then leaves its status alone
 */
public record Incident(UUID id, String signature, String source, String title, @Nullable String description,
        Severity severity, Status status, long occurrenceCount, Instant detectedAt, Instant lastSeenAt,
        @Nullable Instant resolvedAt, @Nullable String assignee, boolean takenOver, Map<String, Object> context,
        Instant updatedAt) {
}
