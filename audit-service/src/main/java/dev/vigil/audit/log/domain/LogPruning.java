package dev.vigil.audit.log.domain;

import java.time.Instant;

import reactor.core.publisher.Mono;

/** Deletes the oldest entries; their tree nodes stay, so the log stays verifiable. */
public interface LogPruning {

    /**
     * Deletes the entries recorded before {@code cutoff} (a prefix of the log, never its newest entry) and records
     * the prune with {@code checkpoint}, the signed tree head before it. Answers the new prune point, or the old one
     * if there was nothing to prune.
     */
    Mono<PrunePoint> prune(Instant cutoff, String checkpoint);

    /** Where the log starts now. */
    Mono<PrunePoint> prunePoint();
}
