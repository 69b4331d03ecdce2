package dev.vigil.incident.store;

import java.util.Map;

import dev.vigil.common.events.AuditRecorded;
import dev.vigil.common.events.CloudEvent;
import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.events.Topic;
import dev.vigil.common.outbox.OutboxWriter;
import dev.vigil.incident.domain.Incident;
import reactor.core.publisher.Mono;

/**
 * The events of an incident change, written to the outbox inside the change's transaction: the
 * change itself on {@code vigil.incident.v1}, and its audit record on {@code vigil.audit.v1}.
 */
final class IncidentEvents {

    static final String SOURCE = "/vigil/incident-service";

    static final String CREATED = "dev.vigil.incident.created";

    static final String UPDATED = "dev.vigil.incident.updated";

    static final String OCCURRENCE = "dev.vigil.incident.occurrence";

    private final OutboxWriter outbox;

    private final CloudEventCodec codec;

    IncidentEvents(OutboxWriter outbox, CloudEventCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    Mono<Void> publish(String type, Incident incident) {
        return this.outbox.append(Topic.INCIDENT,
                CloudEvent.create(SOURCE, type, incident.id().toString(), this.codec.toTree(incident)));
    }

    /** An audit record of a change: {@code action} such as {@code incident.create}, by {@code actor}. */
    Mono<Void> audit(String actor, String action, Incident incident, Map<String, Object> metadata) {
        AuditRecorded record = new AuditRecorded(actor, null, null, action, "/api/security/incidents/" + incident.id(),
                200, metadata, null);
        return this.outbox.append(Topic.AUDIT,
                CloudEvent.create(SOURCE, AuditRecorded.TYPE, incident.id().toString(), this.codec.toTree(record)));
    }
}
