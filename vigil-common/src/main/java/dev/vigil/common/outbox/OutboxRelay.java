package dev.vigil.common.outbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Publishes outbox rows to Kafka in position order and deletes them once Kafka has
 * acknowledged them. A failed batch stays in the outbox and is retried with exponential
 * backoff and jitter; a batch that Kafka took but whose deletion failed is published again,
 * which consumers absorb by event id. A transaction-scoped advisory lock keeps one relay at a
 * time per schema, so replicas never reorder one aggregate's events.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final DatabaseClient db;

    private final TransactionalOperator tx;

    private final KafkaTemplate<String, String> kafka;

    private final OutboxProperties properties;

    private final Counter published;

    private final Counter failures;

    private volatile @Nullable Disposable loop;

    private volatile int consecutiveFailures;

    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, String> kafka,
            OutboxProperties properties, MeterRegistry meters) {
        this.db = db;
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties;
        this.published = meters.counter("vigil.outbox.published");
        this.failures = meters.counter("vigil.outbox.failures");
    }

    /** Publishes at most one batch; emits how many events went out. */
    public Mono<Integer> relayOnce() {
        Mono<Integer> batch = this.db.sql("select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox')) as locked")
            .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
            .one()
            .flatMap(locked -> locked ? publishPending() : Mono.just(0));
        return this.tx.transactional(batch);
    }

    private Mono<Integer> publishPending() {
        return this.db.sql("select position, event_id, topic, event_key, payload from outbox order by position limit :n")
            .bind("n", this.properties.batchSize())
            .map(row -> new Pending(row.get("position", Long.class), row.get("event_id", UUID.class),
                    row.get("topic", String.class), row.get("event_key", String.class),
                    row.get("payload", String.class)))
            .all()
            .collectList()
            .flatMap(this::sendAndDelete);
    }

    private Mono<Integer> sendAndDelete(List<Pending> pending) {
        if (pending.isEmpty()) {
            return Mono.just(0);
        }
        long last = pending.getLast().position();
        // KafkaTemplate.send can block while metadata is missing, so it never runs on an I/O thread.
        return Flux.fromIterable(pending)
            .concatMap(p -> Mono.fromFuture(() -> this.kafka.send(new ProducerRecord<>(p.topic(), p.key(), p.payload())))
                .subscribeOn(Schedulers.boundedElastic()))
            .then()
            .timeout(this.properties.sendTimeout())
            .then(this.db.sql("delete from outbox where position <= :last").bind("last", last).fetch().rowsUpdated())
            .thenReturn(pending.size())
            .doOnNext(this.published::increment);
    }

    @Override
    public void start() {
        if (this.properties.enabled()) {
            this.loop = Mono.defer(this::relayOnce)
                .flatMap(this::pauseAfter)
                .onErrorResume(this::backoffAfter)
                .repeat()
                .subscribe();
        }
    }

    private Mono<Integer> pauseAfter(int sent) {
        this.consecutiveFailures = 0;
        // A full batch means more may be waiting: go again at once.
        return (sent >= this.properties.batchSize()) ? Mono.just(sent)
                : Mono.delay(this.properties.pollInterval()).thenReturn(sent);
    }

    private Mono<Integer> backoffAfter(Throwable error) {
        this.failures.increment();
        int failures = Math.min(++this.consecutiveFailures, 20);
        long ceiling = Math.min(this.properties.maxBackoff().toMillis(), 100L << Math.min(failures, 16));
        Duration wait = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        log.warn("Outbox relay failed {} time(s) in a row, retrying in {} ms: {}", failures, wait.toMillis(),
                error.toString());
        return Mono.delay(wait).thenReturn(0);
    }

    @Override
    public void stop() {
        Disposable running = this.loop;
        if (running != null) {
            running.dispose();
        }
        this.loop = null;
    }

    @Override
    public boolean isRunning() {
        return this.loop != null;
    }

    private record Pending(long position, UUID eventId, String topic, String key, String payload) {
    }
}
