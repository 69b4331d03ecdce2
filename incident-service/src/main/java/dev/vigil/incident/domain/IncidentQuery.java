package dev.vigil.incident.domain;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A page of the incident list; null filters do not filter.
 *
 * @param from incidents detected at or after
 * @param to incidents detected before
 * @param after the last incident of the previous page (its detection time and id), for keyset pagination
 * @param limit how many to answer
 */
public record IncidentQuery(@Nullable Status status, @Nullable Severity severity, @Nullable String signature,
        @Nullable Instant from, @Nullable Instant to, @Nullable Position after, int limit) {

    /** A place in the newest-first order. */
    public record Position(Instant detectedAt, UUID id) {
    }
}
