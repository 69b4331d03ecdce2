package dev.vigil.audit.log.store;

import java.time.Instant;
import java.time.ZoneOffset;

import dev.vigil.audit.log.domain.LogPruning;
import dev.vigil.audit.log.domain.PrunePoint;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Pruning in table {@code log_prunes}, under the appender's lock so the log's head never moves meanwhile. */
@Repository
class R2dbcLogPruning implements LogPruning {

    private final DatabaseClient db;

    private final TransactionalOperator tx;

    R2dbcLogPruning(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    @Override
    public Mono<PrunePoint> prune(Instant cutoff, String checkpoint) {
        Mono<PrunePoint> work = this.db.sql(LogAppender.LOCK)
            .then()
            .then(prunePoint())
            .flatMap(point -> firstToKeep(cutoff).flatMap(keep -> (keep <= point.prunedBefore()) ? Mono.just(point)
                    : pruneBefore(keep, cutoff, checkpoint)));
        return this.tx.transactional(work);
    }

    /** The oldest entry recorded at or after the cutoff, or else the newest entry, which is always kept. */
    private Mono<Long> firstToKeep(Instant cutoff) {
        return this.db.sql("select coalesce((select min(seq) from audit_entries where recorded_at >= :cutoff), "
                + "(select max(seq) from audit_entries), 0) as keep")
            .bind("cutoff", cutoff.atOffset(ZoneOffset.UTC))
            .map(row -> row.get("keep", Long.class))
            .one();
    }

    private Mono<PrunePoint> pruneBefore(long keep, Instant cutoff, String checkpoint) {
        return this.db.sql("select hash from audit_entries where seq = :seq")
            .bind("seq", keep - 1)
            .map(row -> row.get("hash", byte[].class))
            .one()
            .flatMap(anchor -> this.db.sql("insert into log_prunes (pruned_before, anchor_hash, cutoff, checkpoint) "
                    + "values (:keep, :anchor, :cutoff, :checkpoint)")
                .bind("keep", keep)
                .bind("anchor", anchor)
                .bind("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .bind("checkpoint", checkpoint)
                .then()
                .then(this.db.sql("delete from audit_entries where seq < :keep").bind("keep", keep).then())
                .thenReturn(new PrunePoint(keep, anchor)));
    }

    @Override
    public Mono<PrunePoint> prunePoint() {
        return this.db.sql("select pruned_before, anchor_hash from log_prunes order by pruned_before desc limit 1")
            .map(row -> new PrunePoint(row.get("pruned_before", Long.class), row.get("anchor_hash", byte[].class)))
            .one()
            .defaultIfEmpty(PrunePoint.NONE);
    }
}
