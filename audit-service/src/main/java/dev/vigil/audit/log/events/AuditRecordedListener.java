package dev.vigil.audit.log.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.vigil.audit.log.domain.AuditLog;
import dev.vigil.audit.log.domain.NewAuditEntry;
import dev.vigil.common.events.AuditRecorded;
import dev.vigil.common.events.CloudEvent;
import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.events.MalformedEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Appends every {@code audit.recorded} event to the log, a poll's worth at a time. The event id
 * is the entry's idempotency key, so a redelivered event is recorded once. A malformed event is
 * counted and skipped; a database failure is thrown, so the batch is retried, never lost.
 */
@Component
class AuditRecordedListener {

    private static final Logger log = LoggerFactory.getLogger(AuditRecordedListener.class);

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final AuditLog auditLog;

    private final CloudEventCodec codec;

    private final Counter malformed;

    AuditRecordedListener(AuditLog auditLog, CloudEventCodec codec, MeterRegistry meters) {
        this.auditLog = auditLog;
        this.codec = codec;
        this.malformed = meters.counter("vigil.audit.events.malformed");
    }

    /**
     * A whole poll at once: one transaction and one lock per batch is what lets the log take
     * thousands of entries a second. A failed batch is retried whole; entries already appended
     * are recognized by their event ids.
     */
    @KafkaListener(id = "vigil-audit", groupId = "vigil-audit", topics = "vigil.audit.v1", batch = "true")
    void onEvents(List<String> payloads) {
        List<NewAuditEntry> entries = new ArrayList<>(payloads.size());
        for (String payload : payloads) {
            try {
                entries.add(toEntry(this.codec.decode(payload)));
            }
            catch (MalformedEventException | IllegalArgumentException ex) {
                this.malformed.increment();
                log.warn("Skipped a malformed audit event: {}", ex.getMessage());
            }
        }
        this.auditLog.appendAll(entries).block(WRITE_TIMEOUT);
    }

    private NewAuditEntry toEntry(CloudEvent event) {
        if (!AuditRecorded.TYPE.equals(event.type())) {
            throw new MalformedEventException("unexpected type " + event.type(), null);
        }
        AuditRecorded data = this.codec.data(event, AuditRecorded.class);
        if (data.action() == null || data.resource() == null) {
            throw new MalformedEventException("event " + event.id() + " lacks action or resource", null);
        }
        return new NewAuditEntry(UUID.fromString(event.id()), data.user(), data.action(), data.resource(),
                data.outcome(), data.ip(), data.userAgent(), data.metadata(), data.requestId(), event.source());
    }
}
