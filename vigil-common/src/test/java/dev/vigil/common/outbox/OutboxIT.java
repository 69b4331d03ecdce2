package dev.vigil.common.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.common.events.CloudEvent;
import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.events.Topic;
import dev.vigil.common.testing.TcpProxy;
import dev.vigil.common.testing.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox against a real PostgreSQL and a real Kafka broker that is down when the changes commit. */
class OutboxIT {

    private static final int CHANGES = 40;

    private final CloudEventCodec codec = new CloudEventCodec(JsonMapper.builder().build());

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable closeable : cleanup.reversed()) {
            closeable.close();
        }
    }

    @Test
    void changesCommitWhileKafkaIsDownAndTheirEventsArriveOnceItIsBack() throws Exception {
        String schema = TestPostgres.freshSchema("outbox_it");
        Flyway.configure()
            .dataSource(TestPostgres.jdbcUrl(), TestPostgres.USER, TestPostgres.PASSWORD)
            .schemas(schema)
            .locations("classpath:db/vigil-common")
            .load()
            .migrate();
        ConnectionFactory connections = ConnectionFactories.get(TestPostgres.r2dbcUrl(schema)
            .replace("postgresql://", "postgresql://" + TestPostgres.USER + ":" + TestPostgres.PASSWORD + "@"));
        DatabaseClient db = DatabaseClient.create(connections);
        TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        db.sql("create table things (id text primary key)").then().block();
        db.sql("create table applied (event_id text primary key, times int not null)").then().block();

        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, Topic.AUDIT.topicName());
        broker.afterPropertiesSet();
        cleanup.add(broker::destroy);
        // The relay reaches Kafka through a link that starts cut, so the broker is out of its reach.
        String brokerAddress = broker.getBrokersAsString().split(",")[0];
        TcpProxy proxy = new TcpProxy(TcpProxy.freePort(), Integer.parseInt(brokerAddress.substring(brokerAddress.lastIndexOf(':') + 1)));
        cleanup.add(proxy);
        KafkaTemplate<String, String> kafka = template("localhost:" + proxy.port());
        OutboxWriter writer = new OutboxWriter(db, codec);
        OutboxProperties properties = new OutboxProperties(true, Duration.ofMillis(50), 7, Duration.ofSeconds(3),
                Duration.ofSeconds(1));
        OutboxRelay relay = new OutboxRelay(db, tx, kafka, properties, meters);
        relay.start();
        cleanup.add(relay::stop);

        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < CHANGES; i++) {
            CloudEvent event = CloudEvent.create("/vigil/test", "dev.vigil.test.changed", "thing-" + (i % 5),
                    codec.toTree(Map.of("n", i)));
            eventIds.add(event.id());
            tx.transactional(db.sql("insert into things (id) values (:id)").bind("id", "t" + i).then()
                .then(writer.append(Topic.AUDIT, event))).block();
        }

        assertThat(count(db, "things")).isEqualTo(CHANGES);
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.counter("vigil.outbox.failures").count() >= 2);
        assertThat(count(db, "outbox")).as("nothing leaves the outbox while Kafka is down").isEqualTo(CHANGES);

        proxy.up();

        await().atMost(Duration.ofSeconds(60)).until(() -> count(db, "outbox") == 0);

        // A redelivery, as after a consumer crash: the guard must absorb it.
        CloudEvent replayed = codec.decode(received(broker, 1).getFirst().value());
        kafka.send(Topic.AUDIT.topicName(), replayed.subject(), codec.encode(replayed)).get();

        List<ConsumerRecord<String, String>> records = received(broker, CHANGES + 1);
        ProcessedEvents guard = new ProcessedEvents(db, tx);
        Flux.fromIterable(records)
            .map(record -> codec.decode(record.value()))
            .concatMap(event -> guard.applyOnce("outbox-it", event.id(),
                    db.sql("insert into applied (event_id, times) values (:id, 1) "
                            + "on conflict (event_id) do update set times = applied.times + 1")
                        .bind("id", event.id())
                        .then()))
            .blockLast();

        Map<String, Integer> applied = new HashMap<>();
        db.sql("select event_id, times from applied")
            .map(row -> Map.entry(row.get("event_id", String.class), row.get("times", Integer.class)))
            .all()
            .doOnNext(entry -> applied.put(entry.getKey(), entry.getValue()))
            .blockLast();
        assertThat(applied.keySet()).containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(applied.values()).allMatch(times -> times == 1);
        assertThat(records.stream().filter(r -> r.key().equals("thing-3")).map(r -> codec.decode(r.value()).id()))
            .as("one aggregate's events keep their order")
            .isSorted();
    }

    private KafkaTemplate<String, String> template(String bootstrap) {
        DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2500, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
        cleanup.add(factory::destroy);
        return new KafkaTemplate<>(factory);
    }

    private List<ConsumerRecord<String, String>> received(EmbeddedKafkaKraftBroker broker, int atLeast) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topic.AUDIT.topicName()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= atLeast;
            });
        }
        return records;
    }

    private static long count(DatabaseClient db, String table) {
        return db.sql("select count(*) as n from " + table).map(row -> row.get("n", Long.class)).one().block();
    }
}
