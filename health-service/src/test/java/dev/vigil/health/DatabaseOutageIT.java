package dev.vigil.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stops (a real server, stopped for real) and starts again: the health service raises
 * safe mode and a high "database connectivity" incident, keeps answering reads, refuses writes
 * that can wait, and afterwards lowers safe mode, resolves the incident and stores the results it
 * kept in memory meanwhile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "vigil.health.checks[0].id=vigil-database", "vigil.health.checks[0].service=postgresql",
                "vigil.health.checks[0].kind=postgres", "vigil.health.checks[0].target=vigil",
                "vigil.health.checks[0].interval=2s", "vigil.health.checks[0].timeout=1s",
                "spring.r2dbc.pool.max-acquire-time=2s", "spring.r2dbc.pool.max-create-connection-time=2s" })
@EmbeddedKafka(partitions = 1, topics = { "vigil.incident.v1", "vigil.flags.v1", "vigil.audit.v1" })
class DatabaseOutageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Path DATA = Path.of("target", "outage-it-pg");

    private static final int PORT = freePort();

    private static EmbeddedPostgres postgres = start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("vigil.db.host", () -> "127.0.0.1");
        registry.add("vigil.db.port", () -> PORT);
        registry.add("vigil.db.name", () -> "postgres");
        registry.add("spring.r2dbc.username", () -> "postgres");
        registry.add("spring.r2dbc.password", () -> "");
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void databaseLossRaisesSafeModeAndAnIncidentAndRecoveryClearsThem() throws Exception {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port)
            .responseTimeout(Duration.ofSeconds(10)).build();
        await().atMost(Duration.ofSeconds(30)).until(() -> "healthy".equals(health(client).get("status").asString()));

        Instant stopped = Instant.now();
        postgres.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> flags(client).get("safe_mode").get("enabled").asBoolean());
        assertThat(flags(client).get("safe_mode").get("reason").asString()).startsWith("database unreachable");

        List<JsonNode> incidents = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> incidents.add(JSON.readTree(record.value())));
                return incidents.stream().anyMatch(e -> e.get("type").asString().equals("dev.vigil.incident.raise"));
            });
            JsonNode raise = incidents.stream().filter(e -> e.get("type").asString().equals("dev.vigil.incident.raise"))
                .findFirst().orElseThrow();
            assertThat(raise.get("data").get("signature").asString()).isEqualTo("health:vigil-database");
            assertThat(raise.get("data").get("severity").asString()).isEqualTo("high");
            assertThat(raise.get("data").get("title").asString()).isEqualTo("Database connectivity lost");
            Instant detected = Instant.parse(raise.get("time").asString());
            assertThat(detected).as("dated by the first failed check, not by the breach")
                .isAfter(stopped.minusSeconds(1)).isBefore(stopped.plusSeconds(5));

            JsonNode report = health(client);
            assertThat(report.get("status").asString()).as("reads still answer, from memory").isEqualTo("down");
            client.post().uri("/api/security/health/checks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "new-check", "service", "x", "kind", "tcp", "target", "127.0.0.1:1"))
                .exchange().expectStatus().isEqualTo(503).expectBody(JsonNode.class)
                .value(problem -> assertThat(problem.get("type").asString()).endsWith("/safe-mode"));

            postgres = start();
            await().atMost(Duration.ofSeconds(60)).until(() -> !flags(client).get("safe_mode").get("enabled").asBoolean());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> incidents.add(JSON.readTree(record.value())));
                return incidents.stream().anyMatch(e -> e.get("type").asString().equals("dev.vigil.incident.resolve"));
            });
        }
        // The failures seen during the outage were kept in memory and stored once the database was back.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode history = client.get().uri("/api/security/health/checks/vigil-database/history?limit=1000")
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            List<Instant> failed = new ArrayList<>();
            history.get("items").forEach(item -> {
                if (!item.get("ok").asBoolean()) {
                    failed.add(Instant.parse(item.get("checkedAt").asString()));
                }
            });
            return failed.stream().filter(at -> at.isAfter(stopped)).count() >= 3;
        });
        assertThat(health(client).get("status").asString()).isEqualTo("healthy");
    }

    private static JsonNode health(WebTestClient client) {
        return client.get().uri("/api/security/health").exchange().expectStatus().isOk().expectBody(JsonNode.class)
            .returnResult().getResponseBody();
    }

    private static JsonNode flags(WebTestClient client) {
        return client.get().uri("/api/security/flags").exchange().expectStatus().isOk().expectBody(JsonNode.class)
            .returnResult().getResponseBody();
    }

    private KafkaConsumer<String, String> consumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                this.brokers, ConsumerConfig.GROUP_ID_CONFIG, "outage-it", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("vigil.incident.v1"));
        return consumer;
    }

    private static EmbeddedPostgres start() {
        try {
            Files.createDirectories(DATA);
            return EmbeddedPostgres.builder().setPort(PORT).setDataDirectory(DATA).setCleanDataDirectory(false).start();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
