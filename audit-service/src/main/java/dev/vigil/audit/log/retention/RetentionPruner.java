package dev.vigil.audit.log.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import dev.vigil.audit.log.checkpoint.CheckpointSigner;
import dev.vigil.audit.log.domain.AuditLog;
import dev.vigil.audit.log.domain.LogPruning;
import dev.vigil.audit.log.domain.NewAuditEntry;
import dev.vigil.audit.log.domain.PrunePoint;
import dev.vigil.common.events.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Prunes entries past the retention period ({@code vigil.audit.retention}, at least 90 days), on a
 * schedule ({@code vigil.audit.prune-interval}). The prune is itself an entry of the log, written
 * in the same transaction, so no prune goes unrecorded.
 */
@Component
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionPruner {

    private static final Logger log = LoggerFactory.getLogger(RetentionPruner.class);

    private final LogPruning pruning;

    private final AuditLog auditLog;

    private final CheckpointSigner checkpoints;

    private final TransactionalOperator tx;

    private final RetentionProperties properties;

    private final Clock clock;

    RetentionPruner(LogPruning pruning, AuditLog auditLog, CheckpointSigner checkpoints, TransactionalOperator tx,
            RetentionProperties properties) {
        this.pruning = pruning;
        this.auditLog = auditLog;
        this.checkpoints = checkpoints;
        this.tx = tx;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Prunes what is past the retention now; answers where the log starts afterwards. */
    public Mono<PrunePoint> prune() {
        Instant cutoff = this.clock.instant().minus(this.properties.retention());
        Mono<PrunePoint> work = this.pruning.prunePoint()
            .flatMap(before -> this.checkpoints.latest()
                .flatMap(checkpoint -> this.pruning.prune(cutoff, checkpoint))
                .flatMap(after -> (after.prunedBefore() == before.prunedBefore()) ? Mono.just(after)
                        : record(before, after, cutoff).thenReturn(after)));
        return this.tx.transactional(work);
    }

    private Mono<Void> record(PrunePoint before, PrunePoint after, Instant cutoff) {
        log.info("Pruned audit entries {} to {} (recorded before {})", before.prunedBefore(), after.prunedBefore() - 1,
                cutoff);
        NewAuditEntry entry = new NewAuditEntry(Ids.newId(), null, "audit.prune",
                "/api/security/audit/logs", 200, null, null,
                Map.of("prunedFrom", before.prunedBefore(), "prunedBefore", after.prunedBefore(), "cutoff",
                        cutoff.toString(), "retention", this.properties.retention().toString()),
                null, "/vigil/audit-service");
        return this.auditLog.append(entry).then();
    }

    @Scheduled(fixedDelayString = "${vigil.audit.prune-interval:PT6H}", initialDelayString = "${vigil.audit.prune-interval:PT6H}")
    void scheduled() {
        prune().block();
    }
}
