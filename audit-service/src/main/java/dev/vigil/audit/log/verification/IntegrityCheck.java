package dev.vigil.audit.log.verification;

import java.util.Map;

import dev.vigil.audit.log.domain.LogVerifier;
import dev.vigil.audit.log.domain.Verification;
import dev.vigil.common.events.CloudEvent;
import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.events.IncidentRaise;
import dev.vigil.common.events.Topic;
import dev.vigil.common.outbox.OutboxWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Verifies the log, on request and on a schedule ({@code vigil.audit.verify-interval}, hourly by
 * default). A broken log raises a critical incident through the outbox, so the alarm is not lost
 * even if Kafka is away at that moment.
 */
@Component
public class IntegrityCheck {

    static final String SIGNATURE = "audit-log-integrity";

    private static final Logger log = LoggerFactory.getLogger(IntegrityCheck.class);

    private final LogVerifier verifier;

    private final OutboxWriter outbox;

    private final TransactionalOperator tx;

    private final CloudEventCodec codec;

    private final Counter breaks;

    IntegrityCheck(LogVerifier verifier, OutboxWriter outbox, TransactionalOperator tx, CloudEventCodec codec,
            MeterRegistry meters) {
        this.verifier = verifier;
        this.outbox = outbox;
        this.tx = tx;
        this.codec = codec;
        this.breaks = meters.counter("vigil.audit.verification.broken");
    }

    /** Verifies entries {@code [from, to)} and raises the incident if something is broken. */
    public Mono<Verification> verify(long from, @Nullable Long to) {
        return this.verifier.verify(from, to).flatMap(result -> result.ok() ? Mono.just(result) : raise(result));
    }

    @Scheduled(fixedDelayString = "${vigil.audit.verify-interval:PT1H}", initialDelayString = "${vigil.audit.verify-interval:PT1H}")
    void scheduled() {
        Verification result = verify(0, null).block();
        if (result != null && result.ok()) {
            log.info("Audit log verified: {} entries", result.checked());
        }
    }

    private Mono<Verification> raise(Verification broken) {
        this.breaks.increment();
        log.error("AUDIT LOG BROKEN at entry {}: {}", broken.firstBrokenSeq(), broken.reason());
        IncidentRaise incident = new IncidentRaise(SIGNATURE, "critical", "The audit log failed verification",
                "Entry " + broken.firstBrokenSeq() + ": " + broken.reason(),
                Map.of("firstBrokenSeq", broken.firstBrokenSeq(), "treeSize", broken.treeSize()));
        CloudEvent event = CloudEvent.create("/vigil/audit-service", IncidentRaise.TYPE, SIGNATURE,
                this.codec.toTree(incident));
        return this.tx.transactional(this.outbox.append(Topic.INCIDENT, event)).thenReturn(broken);
    }
}
