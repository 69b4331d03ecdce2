package dev.vigil.common.events;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode. The Kafka key of an event is its
 * {@code subject}, so one aggregate's events stay in order.
 *
 * @param specversion always {@code 1.0}
 * @param id UUIDv7, unique per event; consumers deduplicate on it
 * @param source {@code /vigil/<service>}
 * @param type {@code dev.vigil.<family>.<what>}
 * @param time when the producing service recorded the event (the server's clock)
 * @param subject the id of the aggregate the event is about
 * @param datacontenttype always {@code application/json}
 * @param data the payload
 */
public record CloudEvent(String specversion, String id, String source, String type, Instant time,
        String subject, String datacontenttype, @Nullable JsonNode data) {

    public static final String SPEC_VERSION = "1.0";

    public static final String JSON = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
    }

    /** A new event with a fresh id, stamped with the server's time. */
    public static CloudEvent create(String source, String type, String subject, JsonNode data) {
        return new CloudEvent(SPEC_VERSION, Ids.newId().toString(), source, type, Instant.now(), subject, JSON, data);
    }

    /** This event dated {@code when} instead: when what it reports happened, if that was earlier. */
    public CloudEvent at(Instant when) {
        return new CloudEvent(this.specversion, this.id, this.source, this.type, when, this.subject, this.datacontenttype,
                this.data);
    }
}
