package dev.vigil.health.monitor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.vigil.common.events.CloudEvent;
import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.events.IncidentRaise;
import dev.vigil.common.events.IncidentResolve;
import dev.vigil.common.events.Topic;
import dev.vigil.common.flags.FlagBoard;
import dev.vigil.health.check.CheckDefinition;
import dev.vigil.health.check.CheckResult;
import dev.vigil.health.check.ChecksProperties;
import dev.vigil.health.flags.EventSender;
import dev.vigil.health.flags.FlagWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What a breach sets off: an incident raised on {@code vigil.incident.v1} (dated by the first
 * failure) when it opens and resolved when it closes; for the check of Vigil's own database,
 * also {@code safe_mode}. Sent straight to Kafka, not through an outbox: the database may be the
 * very thing that is down (ADR 0011).
 */
@Component
class BreachActions {

    static final String SOURCE = "/vigil/health-service";

    private static final Logger log = LoggerFactory.getLogger(BreachActions.class);

    private final EventSender kafka;

    private final CloudEventCodec codec;

    private final FlagWriter flags;

    private final String safeModeCheck;

    BreachActions(EventSender kafka, CloudEventCodec codec, FlagWriter flags,
            ChecksProperties properties) {
        this.kafka = kafka;
        this.codec = codec;
        this.flags = flags;
        this.safeModeCheck = properties.safeModeCheck();
    }

    static String signature(CheckDefinition check) {
        return "health:" + check.id();
    }

    void opened(CheckDefinition check, CheckResult result, Instant failingSince, int failures) {
        boolean database = check.id().equals(this.safeModeCheck);
        String title = database ? "Database connectivity lost"
                : check.service() + " (" + check.region() + ") is failing its " + check.kind().wire() + " check";
        log.error("Breach opened: {} ({})", title, result.error());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("checkId", check.id());
        context.put("service", check.service());
        context.put("region", check.region());
        context.put("kind", check.kind().wire());
        context.put("failures", failures);
        IncidentRaise raise = new IncidentRaise(signature(check), "high", title, String.valueOf(result.error()), context);
        CloudEvent event = CloudEvent.create(SOURCE, IncidentRaise.TYPE, signature(check), this.codec.toTree(raise));
        send(event.at(failingSince));
        if (database) {
            setSafeMode(true, "database unreachable: " + result.error());
        }
    }

    void closed(CheckDefinition check, CheckResult result) {
        log.info("Breach closed: {} passes again", check.id());
        IncidentResolve resolve = new IncidentResolve(signature(check), check.id() + " passes again");
        send(CloudEvent.create(SOURCE, IncidentResolve.TYPE, signature(check), this.codec.toTree(resolve)));
        if (check.id().equals(this.safeModeCheck)) {
            setSafeMode(false, "database reachable again");
        }
    }

    private void setSafeMode(boolean enabled, String reason) {
        this.flags.set(FlagBoard.SAFE_MODE, enabled, reason, "health-service")
            .subscribe(state -> log.warn("safe_mode is {}: {}", enabled ? "on" : "off", reason),
                    error -> log.error("Could not set safe_mode: {}", error.toString()));
    }

    private void send(CloudEvent event) {
        this.kafka.send(Topic.INCIDENT.topicName(), event.subject(), this.codec.encode(event))
            .whenComplete((sent, error) -> {
                if (error != null) {
                    log.error("Could not send {} for {}: {}", event.type(), event.subject(), error.toString());
                }
            });
    }
}
