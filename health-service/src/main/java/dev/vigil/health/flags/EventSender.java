package dev.vigil.health.flags;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends this service's events to Kafka from a thread of its own. {@code KafkaProducer.send} may
 * block (for metadata) and fails if its thread was interrupted, which Reactor does to the threads
 * of cancelled work: handing sends to a dedicated thread keeps a cancelled probe or request from
 * losing a breach or a flag.
 */
@Component
public class EventSender {

    private final KafkaTemplate<String, String> kafka;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
        .name("health-events").factory());

    EventSender(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    /** Completes when Kafka has acknowledged the record. */
    public CompletableFuture<Void> send(String topic, String key, String value) {
        return CompletableFuture.supplyAsync(() -> this.kafka.send(topic, key, value), this.thread)
            .thenCompose(sent -> sent)
            .thenApply(result -> null);
    }

    @PreDestroy
    void stop() {
        this.thread.shutdown();
    }
}
