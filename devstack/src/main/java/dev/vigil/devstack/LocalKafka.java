package dev.vigil.devstack;

import java.util.Arrays;
import java.util.Map;

import dev.vigil.common.events.Topic;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real single-node Kafka broker (KRaft), in this process, with Vigil's topics created. */
final class LocalKafka implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);

    private boolean started;

    String start() {
        this.broker.brokerProperty("auto.create.topics.enable", "false");
        // One node: a single partition for consumer offsets lets consumer groups form in moments.
        this.broker.brokerProperty("offsets.topic.num.partitions", "1");
        this.broker.afterPropertiesSet();
        this.started = true;
        this.broker.addTopics(Arrays.stream(Topic.values()).map(LocalKafka::newTopic).toArray(NewTopic[]::new));
        return this.broker.getBrokersAsString();
    }

    private static NewTopic newTopic(Topic topic) {
        NewTopic created = new NewTopic(topic.topicName(), 3, (short) 1);
        if (topic == Topic.FLAGS) {
            created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return created;
    }

    @Override
    public void close() {
        if (this.started) {
            this.broker.destroy();
        }
    }
}
