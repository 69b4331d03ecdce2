package dev.vigil.incident.alertmanager;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vigil.incident.domain.Incidents;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alertmanager's webhook receiver. A firing alert opens an incident or counts an occurrence of
 * the open one with its fingerprint; a resolved alert resolves that incident unless a person has
 * taken it over. Alerts are applied in the payload's order. The gateway admits the call with a
 * JWT carrying {@code incidents:write} or with the static bearer token configured for Alertmanager.
 */
@RestController
class AlertmanagerController {

    static final String PATH = "/api/security/alertmanager";

    private final Incidents incidents;

    AlertmanagerController(Incidents incidents) {
        this.incidents = incidents;
    }

    /** What the payload did, by count. */
    record Received(int alerts, int opened, int counted, int resolved) {
    }

    @PostMapping(PATH)
    Mono<Received> receive(@Valid @RequestBody AlertmanagerPayload payload) {
        Instant now = Instant.now();
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger counted = new AtomicInteger();
        AtomicInteger resolved = new AtomicInteger();
        return Flux.fromIterable(payload.alerts()).concatMap(alert -> {
            if ("resolved".equals(alert.status())) {
                return this.incidents.resolve(AlertMapping.signature(alert), AlertMapping.SOURCE,
                        "resolved in Alertmanager" + ((alert.endsAt() != null) ? " at " + alert.endsAt() : ""))
                    .doOnNext(incident -> resolved.incrementAndGet())
                    .then();
            }
            return this.incidents.raise(AlertMapping.occurrence(alert, payload.externalURL(), now))
                .doOnNext(raised -> (raised.opened() ? opened : counted).incrementAndGet())
                .then();
        }).then(Mono.fromSupplier(() -> new Received(payload.alerts().size(), opened.get(), counted.get(), resolved.get())));
    }
}
