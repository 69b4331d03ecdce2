package dev.vigil.incident.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import dev.vigil.common.events.CloudEvent;
import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.events.IncidentRaise;
import dev.vigil.common.events.IncidentResolve;
import dev.vigil.common.events.MalformedEventException;
import dev.vigil.common.outbox.ProcessedEvents;
import dev.vigil.incident.domain.Incidents;
import dev.vigil.incident.domain.Occurrence;
import dev.vigil.incident.domain.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opens and resolves incidents that other services ask for on {@code vigil.incident.v1} (audit
 * verification failures, health breaches, critical findings). Each event takes effect once,
 * however often it is delivered; the incident is dated by the event, so one raised during a
 * database outage keeps its true detection time. The topic also carries this service's own
 * incident events, which it skips.
 */
@Component
class IncidentEventListener {

    static final String CONSUMER = "incident-events";

    private static final Logger log = LoggerFactory.getLogger(IncidentEventListener.class);

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final Incidents incidents;

    private final ProcessedEvents processed;

    private final CloudEventCodec codec;

    private final Counter malformed;

    private final PendingIncidents pending;

    IncidentEventListener(Incidents incidents, ProcessedEvents processed, CloudEventCodec codec, MeterRegistry meters,
            PendingIncidents pending) {
        this.incidents = incidents;
        this.pending = pending;
        this.processed = processed;
        this.codec = codec;
        this.malformed = meters.counter("vigil.incident.events.malformed");
    }

    @KafkaListener(id = "vigil-incident", groupId = "vigil-incident", topics = "vigil.incident.v1")
    void onEvent(String payload) {
        @Nullable Mono<?> effect;
        CloudEvent event;
        try {
            event = this.codec.decode(payload);
            effect = effect(event);
        }
        catch (MalformedEventException | IllegalArgumentException ex) {
            this.malformed.increment();
            log.warn("Skipped a malformed incident event: {}", ex.getMessage());
            return;
        }
        if (effect != null) {
            this.processed.applyOnce(CONSUMER, event.id(), effect).block(WRITE_TIMEOUT);
            this.pending.release(event.id());
        }
    }

    private @Nullable Mono<?> effect(CloudEvent event) {
        if (IncidentRaise.TYPE.equals(event.type())) {
            IncidentRaise raise = this.codec.data(event, IncidentRaise.class);
            if (raise.title() == null || raise.title().isBlank() || raise.severity() == null) {
                throw new MalformedEventException("raise " + event.id() + " lacks a title or severity", null);
            }
            Occurrence occurrence = new Occurrence(raise.signature(), event.source(), raise.title(), raise.detail(),
                    Severity.of(raise.severity()), event.time(), raise.context(), event.source(),
                    UUID.nameUUIDFromBytes(("incident:" + event.id()).getBytes(StandardCharsets.UTF_8)));
            this.pending.hold(event.id(), occurrence);
            return this.incidents.raise(occurrence);
        }
        if (IncidentResolve.TYPE.equals(event.type())) {
            IncidentResolve resolve = this.codec.data(event, IncidentResolve.class);
            if (resolve.signature() == null) {
                throw new MalformedEventException("resolve " + event.id() + " lacks a signature", null);
            }
            return this.incidents.resolve(resolve.signature(), event.source(),
                    (resolve.note() != null) ? resolve.note() : "resolved by " + event.source());
        }
        return null;
    }
}
