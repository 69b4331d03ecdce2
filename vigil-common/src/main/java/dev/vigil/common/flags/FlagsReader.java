package dev.vigil.common.flags;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.common.events.CloudEvent;
import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.events.MalformedEventException;
import dev.vigil.common.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Follows the compacted flags topic from its beginning, in every instance of every service (no
 * consumer group: each one must see every flag), and keeps the {@link FlagBoard} current.
 */
public class FlagsReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FlagsReader.class);

    private final Map<String, Object> consumerProperties;

    private final FlagBoard board;

    private final CloudEventCodec codec;

    private volatile boolean running;

    private volatile @Nullable KafkaConsumer<String, String> consumer;

    public FlagsReader(Map<String, Object> consumerProperties, FlagBoard board, CloudEventCodec codec) {
        this.consumerProperties = new HashMap<>(consumerProperties);
        this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Flags need a compacted topic; one auto-created with default (deleting) retention would lose them.
        this.consumerProperties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.board = board;
        this.codec = codec;
    }

    @Override
    public void start() {
        this.running = true;
        Thread.ofPlatform().daemon().name("vigil-flags").start(this::follow);
    }

    @Override
    public void stop() {
        this.running = false;
        KafkaConsumer<String, String> current = this.consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    private void follow() {
        while (this.running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(this.consumerProperties,
                    new StringDeserializer(), new StringDeserializer())) {
                this.consumer = kafka;
                List<TopicPartition> partitions = partitions(kafka);
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                while (this.running) {
                    kafka.poll(Duration.ofSeconds(1)).forEach(this::apply);
                }
            }
            catch (WakeupException ex) {
                return;
            }
            catch (RuntimeException ex) {
                log.warn("Reading {} failed, retrying in 5 s: {}", Topic.FLAGS.topicName(), ex.toString());
                pause();
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> kafka) {
        while (this.running) {
            List<PartitionInfo> infos = kafka.partitionsFor(Topic.FLAGS.topicName(), Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
            pause();
        }
        throw new WakeupException();
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            this.board.forget(record.key());
            return;
        }
        try {
            CloudEvent event = this.codec.decode(record.value());
            FlagState state = this.codec.data(event, FlagState.class);
            this.board.put(record.key(), state);
            log.info("Flag {} is {} ({})", record.key(), state.enabled() ? "on" : "off", state.reason());
        }
        catch (MalformedEventException | IllegalArgumentException ex) {
            log.warn("Skipped an unreadable flag {}: {}", record.key(), ex.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(5_000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.running = false;
        }
    }
}
