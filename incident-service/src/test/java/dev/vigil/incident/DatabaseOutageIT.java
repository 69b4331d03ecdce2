package dev.vigil.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import dev.vigil.common.events.CloudEvent;
import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.events.IncidentRaise;
import dev.vigil.common.testing.TcpProxy;
import dev.vigil.common.testing.TestPostgres;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The incident service loses its database (the link to PostgreSQL is cut) while an incident is
 * raised: the incidents API shows it from memory meanwhile, and once the database is back it is
 * stored, once, with its true detection time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "spring.r2dbc.pool.max-acquire-time=2s", "spring.r2dbc.pool.max-create-connection-time=2s" })
@EmbeddedKafka(partitions = 1, topics = { "vigil.incident.v1", "vigil.audit.v1", "vigil.flags.v1" })
class DatabaseOutageIT {

    private static final String SCHEMA = TestPostgres.freshSchema("incident_outage_it");

    private static final TcpProxy LINK = new TcpProxy(TcpProxy.freePort(), Integer.parseInt(TestPostgres.PORT));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        LINK.up();
        TestPostgres.springProperties(SCHEMA).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.r2dbc.url", () -> TestPostgres.r2dbcUrl(SCHEMA).replace(":" + TestPostgres.PORT + "/",
                ":" + LINK.port() + "/"));
    }

    @AfterAll
    static void closeLink() throws Exception {
        LINK.close();
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void anIncidentRaisedDuringTheOutageIsShownFromMemoryThenStoredOnce() throws Exception {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port)
            .responseTimeout(Duration.ofSeconds(20)).build();
        client.get().uri("/api/security/incidents").exchange().expectStatus().isOk().expectHeader()
            .doesNotExist("Vigil-Served-From");

        LINK.down();
        Instant detected = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        raise(detected);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get()
            .uri("/api/security/incidents?signature=health:vigil-database")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals("Vigil-Served-From", "memory")
            .expectBody(JsonNode.class)
            .value(page -> {
                assertThat(page.get("items")).hasSize(1);
                assertThat(page.get("items").get(0).get("title").asString()).isEqualTo("Database connectivity lost");
                assertThat(page.get("items").get(0).get("severity").asString()).isEqualTo("high");
            }));

        String pendingId = client.get().uri("/api/security/incidents?signature=health:vigil-database").exchange()
            .expectBody(JsonNode.class).returnResult().getResponseBody().get("items").get(0).get("id").asString();
        client.get().uri("/api/security/incidents/" + pendingId).exchange().expectStatus().isOk().expectHeader()
            .valueEquals("Vigil-Served-From", "memory").expectBody(JsonNode.class)
            .value(incident -> assertThat(incident.get("signature").asString()).isEqualTo("health:vigil-database"));

        LINK.up();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> client.get()
            .uri("/api/security/incidents?signature=health:vigil-database")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().doesNotExist("Vigil-Served-From")
            .expectBody(JsonNode.class)
            .value(page -> {
                assertThat(page.get("items")).hasSize(1);
                JsonNode incident = page.get("items").get(0);
                assertThat(Instant.parse(incident.get("detectedAt").asString())).isEqualTo(detected);
                assertThat(incident.get("occurrenceCount").asLong()).isEqualTo(1);
                assertThat(incident.get("id").asString()).as("the id shown from memory is the stored one")
                    .isEqualTo(pendingId);
            }));
    }

    private void raise(Instant detected) {
        CloudEventCodec codec = new CloudEventCodec(JsonMapper.builder().build());
        IncidentRaise raise = new IncidentRaise("health:vigil-database", "high", "Database connectivity lost",
                "PostgresConnectionException: Connection refused", Map.of("checkId", "vigil-database"));
        CloudEvent event = CloudEvent.create("/vigil/health-service", IncidentRaise.TYPE, "health:vigil-database",
                codec.toTree(raise));
        CloudEvent dated = event.at(detected);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                this.brokers), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("vigil.incident.v1", dated.subject(), codec.encode(dated)));
        }
    }
}
