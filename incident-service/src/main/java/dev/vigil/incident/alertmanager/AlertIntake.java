package dev.vigil.incident.alertmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vigil.incident.domain.Incidents;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Applies one webhook payload in one transaction, so that Alertmanager's retry of a failed
 * delivery neither loses nor double-counts part of it. Consecutive alerts with the same status
 * and fingerprint (a storm) are applied as one statement that counts them all.
 */
@Component
class AlertIntake {

    private final Incidents incidents;

    private final TransactionalOperator tx;

    AlertIntake(Incidents incidents, TransactionalOperator tx) {
        this.incidents = incidents;
        this.tx = tx;
    }

    /** What a payload did, by count of alerts. */
    record Received(int alerts, int opened, int counted, int resolved) {
    }

    /** Alerts in a row with one status and signature. */
    private record Run(AlertmanagerPayload.Alert alert, String signature, int size) {
    }

    Mono<Received> receive(AlertmanagerPayload payload) {
        Instant now = Instant.now();
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger counted = new AtomicInteger();
        AtomicInteger resolved = new AtomicInteger();
        Flux<Void> work = Flux.fromIterable(runs(payload.alerts())).concatMap(run -> {
            if ("resolved".equals(run.alert().status())) {
                return this.incidents.resolve(run.signature(), AlertMapping.SOURCE, "resolved in Alertmanager"
                        + ((run.alert().endsAt() != null) ? " at " + run.alert().endsAt() : ""))
                    .doOnNext(incident -> resolved.incrementAndGet())
                    .then();
            }
            return this.incidents.raise(AlertMapping.occurrence(run.alert(), payload.externalURL(), now), run.size())
                .doOnNext(raised -> {
                    opened.addAndGet(raised.opened() ? 1 : 0);
                    counted.addAndGet(raised.opened() ? run.size() - 1 : run.size());
                })
                .then();
        });
        return this.tx.transactional(work.then())
            .then(Mono.fromSupplier(() -> new Received(payload.alerts().size(), opened.get(), counted.get(), resolved.get())));
    }

    private static List<Run> runs(List<AlertmanagerPayload.Alert> alerts) {
        List<Run> runs = new ArrayList<>();
        for (AlertmanagerPayload.Alert alert : alerts) {
            String signature = AlertMapping.signature(alert);
            Run last = runs.isEmpty() ? null : runs.getLast();
            if (last != null && last.signature().equals(signature) && last.alert().status().equals(alert.status())) {
                runs.set(runs.size() - 1, new Run(last.alert(), signature, last.size() + 1));
            }
            else {
                runs.add(new Run(alert, signature, 1));
            }
        }
        return runs;
    }
}
