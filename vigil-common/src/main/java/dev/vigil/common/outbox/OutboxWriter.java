package dev.vigil.common.outbox;

import java.util.UUID;

import dev.vigil.common.events.CloudEvent;
import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.events.Topic;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Writes events to the outbox. Call it inside the R2DBC transaction that makes the state
 * change, so that the change and its event commit, or roll back, together.
 */
public class OutboxWriter {

    private final DatabaseClient db;

    private final CloudEventCodec codec;

    public OutboxWriter(DatabaseClient db, CloudEventCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    public Mono<Void> append(Topic topic, CloudEvent event) {
        return this.db
            .sql("insert into outbox (event_id, topic, event_key, payload) values (:id, :topic, :key, :payload)")
            .bind("id", UUID.fromString(event.id()))
            .bind("topic", topic.topicName())
            .bind("key", event.subject())
            .bind("payload", this.codec.encode(event))
            .fetch()
            .rowsUpdated()
            .then();
    }
}
