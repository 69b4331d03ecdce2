package dev.vigil.common.outbox;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The idempotent-consumer guard: applies an event's effect only the first time a consumer
 * sees the event's id, recording the id in the same transaction as the effect.
 */
public class ProcessedEvents {

    private final DatabaseClient db;

    private final TransactionalOperator tx;

    public ProcessedEvents(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /**
     * Runs {@code effect} in one transaction with the record that {@code consumer} applied
     * {@code eventId}; emits {@code false}, and runs nothing, when it was applied before.
     */
    public Mono<Boolean> applyOnce(String consumer, String eventId, Mono<?> effect) {
        Mono<Boolean> once = this.db
            .sql("insert into processed_events (consumer, event_id) values (:consumer, :id) on conflict do nothing")
            .bind("consumer", consumer)
            .bind("id", eventId)
            .fetch()
            .rowsUpdated()
            .flatMap(inserted -> (inserted == 1) ? effect.thenReturn(true) : Mono.just(false));
        return this.tx.transactional(once);
    }
}
