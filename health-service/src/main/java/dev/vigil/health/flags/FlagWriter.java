package dev.vigil.health.flags;

import java.time.Instant;
import java.util.Map;

import dev.vigil.common.events.AuditRecorded;
import dev.vigil.common.events.CloudEvent;
import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.events.Topic;
import dev.vigil.common.flags.FlagBoard;
import dev.vigil.common.flags.FlagState;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Sets flags: their state goes to the compacted {@code vigil.flags.v1} (key: the flag's name),
 * which every service follows, and onto the audit log. This service's own board is updated at
 * once, so its answers do not wait for the round trip.
 */
@Component
public class FlagWriter {

    private final EventSender kafka;

    private final CloudEventCodec codec;

    private final FlagBoard board;

    FlagWriter(EventSender kafka, CloudEventCodec codec, FlagBoard board) {
        this.kafka = kafka;
        this.codec = codec;
        this.board = board;
    }

    /** Sets the flag; completes once Kafka has it. */
    public Mono<FlagState> set(String key, boolean enabled, @Nullable String reason, String setBy) {
        FlagState state = new FlagState(enabled, reason, Instant.now(), setBy);
        this.board.put(key, state);
        CloudEvent event = CloudEvent.create("/vigil/health-service", FlagState.TYPE, key, this.codec.toTree(state));
        AuditRecorded audit = new AuditRecorded(setBy, null, null, "flag.set", "/api/security/flags/" + key, 200,
                Map.of("enabled", enabled, "reason", String.valueOf(reason)), null);
        CloudEvent audited = CloudEvent.create("/vigil/health-service", AuditRecorded.TYPE, key, this.codec.toTree(audit));
        return Mono.fromFuture(this.kafka.send(Topic.FLAGS.topicName(), key, this.codec.encode(event)))
            .then(Mono.fromFuture(this.kafka.send(Topic.AUDIT.topicName(), key, this.codec.encode(audited))))
            .thenReturn(state);
    }
}
