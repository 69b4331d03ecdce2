package dev.vigil.health.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.vigil.health.check.CheckDefinition;
import dev.vigil.health.check.CheckResult;
import dev.vigil.health.check.CheckStore;
import dev.vigil.health.check.ChecksProperties;
import dev.vigil.health.check.Probes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every check when it is due, judges the results with hysteresis, and keeps them: in memory
 * for the status (so it answers while the database is down) and in {@code health_checks}
 * through a bounded buffer that waits out a database outage.
 */
@Component
public class Monitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Monitor.class);

    private static final Duration TICK = Duration.ofMillis(250);

    private static final int CONCURRENT_PROBES = 16;

    private static final int BUFFER_LIMIT = 50_000;

    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();

    private final Deque<CheckResult> unsaved = new ArrayDeque<>();

    private final Probes probes;

    private final CheckStore store;

    private final BreachActions actions;

    private final ChecksProperties properties;

    private final Counter dropped;

    private Disposable running = Disposables.disposed();

    Monitor(Probes probes, CheckStore store, BreachActions actions, ChecksProperties properties, MeterRegistry meters) {
        this.probes = probes;
        this.store = store;
        this.actions = actions;
        this.properties = properties;
        this.dropped = meters.counter("vigil.health.results.dropped");
        meters.gauge("vigil.health.results.unsaved", this.unsaved, Deque::size);
        meters.gauge("vigil.health.breaches.open", this.tracked,
                checks -> checks.values().stream().filter(check -> check.breached).count());
        properties.checks().forEach(configured -> track(configured.toDefinition()));
    }

    @Override
    public void start() {
        // Configured checks are stored for the API; stored ones (made through the API) join them.
        Flux.fromIterable(this.properties.checks())
            .concatMap(configured -> this.store.save(configured.toDefinition()))
            .thenMany(this.store.all())
            .filter(check -> "api".equals(check.origin()))
            .doOnNext(this::track)
            .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(30)))
            .subscribe();
        this.running = Flux.merge(
                Flux.interval(TICK).onBackpressureDrop().concatMap(tick -> runDue(), 1),
                Flux.interval(Duration.ofSeconds(1)).onBackpressureDrop().concatMap(tick -> flush(), 1))
            .subscribe();
    }

    @Override
    public void stop() {
        this.running.dispose();
        flush().block(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return !this.running.isDisposed();
    }

    /** Starts following a check (or its new definition), due at once. */
    public void track(CheckDefinition check) {
        this.tracked.put(check.id(), new Tracked(check, Instant.now()));
    }

    public void untrack(String id) {
        this.tracked.remove(id);
    }

    /** Every check with its last result, by id. */
    public List<CheckStatus> statuses() {
        return this.tracked.values().stream()
            .map(check -> new CheckStatus(check.check, check.last, check.breached))
            .sorted(Comparator.comparing(status -> status.check().id()))
            .toList();
    }

    public Optional<CheckDefinition> definition(String id) {
        return Optional.ofNullable(this.tracked.get(id)).map(check -> check.check);
    }

    /** Runs one check now (a synthetic check); empty if there is no such check. */
    public Mono<CheckResult> runNow(String id) {
        Tracked check = this.tracked.get(id);
        return (check == null) ? Mono.empty() : run(check);
    }

    /** Runs every check now. */
    public Mono<List<CheckResult>> runAll() {
        return Flux.fromIterable(this.tracked.values()).flatMap(this::run, CONCURRENT_PROBES).collectList();
    }

    private Mono<Void> runDue() {
        Instant now = Instant.now();
        return Flux.fromIterable(this.tracked.values())
            .filter(check -> !check.nextDue.isAfter(now))
            .doOnNext(check -> check.nextDue = now.plus(check.check.interval()))
            .flatMap(this::run, CONCURRENT_PROBES)
            .then()
            .onErrorResume(error -> {
                log.warn("A round of checks failed: {}", error.toString());
                return Mono.empty();
            });
    }

    private Mono<CheckResult> run(Tracked check) {
        return this.probes.run(check.check).doOnNext(result -> judge(check, result));
    }

    private void judge(Tracked check, CheckResult result) {
        keep(result);
        switch (check.record(result, this.properties.failuresToOpen(), this.properties.successesToClose())) {
            case OPENED -> this.actions.opened(check.check, result,
                    (check.failingSince != null) ? check.failingSince : result.checkedAt(), check.failures);
            case CLOSED -> this.actions.closed(check.check, result);
            case NONE -> {
            }
        }
    }

    private void keep(CheckResult result) {
        synchronized (this.unsaved) {
            if (this.unsaved.size() >= BUFFER_LIMIT) {
                this.unsaved.pollFirst();
                this.dropped.increment();
            }
            this.unsaved.addLast(result);
        }
    }

    /** Writes buffered results; on failure they wait, in order, for the next try. */
    private Mono<Void> flush() {
        List<CheckResult> batch = new ArrayList<>();
        synchronized (this.unsaved) {
            while (!this.unsaved.isEmpty() && batch.size() < 1000) {
                batch.add(this.unsaved.pollFirst());
            }
        }
        return this.store.record(batch).timeout(Duration.ofSeconds(5)).onErrorResume(error -> {
            log.debug("Results wait for the database: {}", error.toString());
            synchronized (this.unsaved) {
                for (int i = batch.size() - 1; i >= 0; i--) {
                    this.unsaved.addFirst(batch.get(i));
                }
            }
            return Mono.empty();
        });
    }

    /** Removes results past the retention, daily. */
    @Scheduled(fixedDelayString = "PT24H", initialDelayString = "PT1M")
    void prune() {
        this.store.prune(Instant.now().minus(this.properties.retention()))
            .subscribeOn(Schedulers.boundedElastic())
            .subscribe(count -> log.info("Pruned {} health results older than {}", count, this.properties.retention()),
                    error -> log.warn("Pruning health results failed: {}", error.toString()));
    }
}
