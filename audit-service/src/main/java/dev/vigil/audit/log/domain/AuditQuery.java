package dev.vigil.audit.log.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Filters for reading the log, newest first; every filter is optional.
 *
 * @param action exact action
 * @param user exact user
 * @param resourcePrefix resources starting with this
 * @param outcome exact outcome status
 * @param from entries recorded at or after this
 * @param to entries recorded before this
 * @param beforeSeq keyset cursor: only entries older than this sequence number
 * @param limit most entries to return
 */
public record AuditQuery(@Nullable String action, @Nullable String user, @Nullable String resourcePrefix,
        @Nullable Integer outcome, @Nullable Instant from, @Nullable Instant to, @Nullable Long beforeSeq, int limit) {
}
