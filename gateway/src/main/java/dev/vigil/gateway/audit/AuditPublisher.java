package dev.vigil.gateway.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.vigil.common.events.AuditRecorded;
import dev.vigil.common.events.CloudEvent;
import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.events.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends the gateway's audit events to Kafka from a bounded buffer, on a thread of its own, so
 * a slow or absent Kafka never holds a request up. A failed send goes back into the buffer; an
 * event that finds the buffer full is dropped, counted ({@code vigil.gateway.audit.dropped}) and
 * logged, and health reports DEGRADED. Services record their own state changes through their
 * outboxes, so the gateway's record is a second witness, not the only one.
 */
class AuditPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditPublisher.class);

    private static final String SOURCE = "/vigil/gateway";

    private final KafkaTemplate<String, String> kafka;

    private final CloudEventCodec codec;

    private final BlockingQueue<CloudEvent> buffer;

    private final int capacity;

    private final Counter dropped;

    private final Counter sent;

    private volatile @Nullable Instant lastDrop;

    private volatile @Nullable Thread sender;

    AuditPublisher(KafkaTemplate<String, String> kafka, CloudEventCodec codec, RequestAuditProperties properties,
            MeterRegistry meters) {
        this.kafka = kafka;
        this.codec = codec;
        this.capacity = properties.bufferCapacity();
        this.buffer = new ArrayBlockingQueue<>(this.capacity);
        this.dropped = meters.counter("vigil.gateway.audit.dropped");
        this.sent = meters.counter("vigil.gateway.audit.sent");
        Gauge.builder("vigil.gateway.audit.buffered", this.buffer, BlockingQueue::size).register(meters);
    }

    void publish(AuditRecorded record) {
        String subject = (record.requestId() != null) ? record.requestId() : record.resource();
        enqueue(CloudEvent.create(SOURCE, AuditRecorded.TYPE, subject, this.codec.toTree(record)));
    }

    private void enqueue(CloudEvent event) {
        if (!this.buffer.offer(event)) {
            this.dropped.increment();
            this.lastDrop = Instant.now();
            log.error("Audit buffer full ({} events): dropped audit event {} for request {}", this.capacity,
                    event.id(), event.subject());
        }
    }

    int buffered() {
        return this.buffer.size();
    }

    int capacity() {
        return this.capacity;
    }

    /** Whether an event was dropped within {@code window} of now. */
    boolean droppedWithin(Duration window) {
        Instant last = this.lastDrop;
        return last != null && last.isAfter(Instant.now().minus(window));
    }

    double droppedTotal() {
        return this.dropped.count();
    }

    private void drain() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                CloudEvent event = this.buffer.poll(1, TimeUnit.SECONDS);
                if (event != null) {
                    send(event);
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void send(CloudEvent event) {
        try {
            this.kafka.send(Topic.AUDIT.topicName(), event.subject(), this.codec.encode(event))
                .whenComplete((result, failure) -> {
                    if (failure == null) {
                        this.sent.increment();
                    }
                    else {
                        enqueue(event);
                    }
                });
        }
        catch (RuntimeException ex) {
            // Kafka unreachable for longer than max.block.ms: keep the event and slow down.
            enqueue(event);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        this.sender = Thread.ofPlatform().name("audit-publisher").daemon().start(this::drain);
    }

    @Override
    public void stop() {
        Thread running = this.sender;
        this.sender = null;
        if (running == null) {
            return;
        }
        running.interrupt();
        // Flush what is buffered while Kafka is still connected; what cannot go is reported, not hidden.
        List<CloudEvent> rest = new ArrayList<>();
        this.buffer.drainTo(rest);
        if (rest.isEmpty()) {
            return;
        }
        int unsent = rest.size();
        try {
            for (CloudEvent event : rest) {
                this.kafka.send(Topic.AUDIT.topicName(), event.subject(), this.codec.encode(event));
                unsent--;
            }
            this.kafka.flush();
        }
        catch (RuntimeException ex) {
            this.dropped.increment(unsent);
        }
        if (unsent > 0) {
            log.error("Gateway stopped with {} audit events unsent: {}", unsent, "Kafka unreachable");
        }
    }

    @Override
    public boolean isRunning() {
        return this.sender != null;
    }

    @Override
    public int getPhase() {
        // Stop after the web server has drained its requests, so their audit events are flushed.
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
