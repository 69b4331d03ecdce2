package dev.vigil.audit;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.common.testing.TestPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
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

/** Someone with database access changes the log behind the service's back; verification names the first broken entry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, topics = { "vigil.audit.v1", "vigil.incident.v1" })
class TamperIT {

    private static final String SCHEMA = TestPostgres.freshSchema("audit_tamper_it");

    private static final int ENTRIES = 10;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.springProperties(SCHEMA).forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    WebTestClient client;

    @BeforeEach
    void logOfTenEntries() {
        this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
        JsonNode page = this.client.get().uri("/api/security/audit/logs?limit=1").exchange()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        if (page.get("items").isEmpty()) {
            for (int n = 0; n < ENTRIES; n++) {
                this.client.post()
                    .uri("/api/security/audit/logs")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("action", "deploy", "resource", "/svc/" + n, "metadata", Map.of("n", n)))
                    .exchange()
                    .expectStatus()
                    .isCreated();
            }
        }
        assertThat(verify().get("ok").asBoolean()).as("the untouched log verifies").isTrue();
    }

    @Test
    void findsAnEditedActionAndRaisesACriticalIncident() throws Exception {
        sql("update audit_entries set action = 'nothing-to-see' where seq = 4");
        try {
            assertBrokenAt(4);
            JsonNode raise = awaitIncidentRaise(4);
            assertThat(raise.get("type").asString()).isEqualTo("dev.vigil.incident.raise");
            assertThat(raise.get("data").get("signature").asString()).isEqualTo("audit-log-integrity");
            assertThat(raise.get("data").get("severity").asString()).isEqualTo("critical");
            assertThat(raise.get("data").get("context").get("firstBrokenSeq").asLong()).isEqualTo(4);
        }
        finally {
            sql("update audit_entries set action = 'deploy' where seq = 4");
        }
    }

    @Test
    void findsADeletedEntry() throws Exception {
        sql("create table deleted as select * from audit_entries where seq = 6");
        sql("delete from audit_entries where seq = 6");
        try {
            assertBrokenAt(6);
        }
        finally {
            sql("insert into audit_entries select * from deleted");
            sql("drop table deleted");
        }
    }

    @Test
    void findsTwoSwappedEntries() throws Exception {
        swap(2, 3);
        try {
            assertBrokenAt(2);
        }
        finally {
            swap(2, 3);
        }
    }

    @Test
    void findsAnEditedChainHash() throws Exception {
        sql("update audit_entries set hash = prev_hash where seq = 8");
        try {
            assertBrokenAt(8);
        }
        finally {
            sql("update audit_entries set hash = (select prev_hash from audit_entries where seq = 9) where seq = 8");
        }
    }

    /** The incident.raise event for a break at {@code seq}; other tests raise their own. */
    private JsonNode awaitIncidentRaise(long seq) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "tamper-it-" + System.nanoTime(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("vigil.incident.v1"));
            JsonMapper json = JsonMapper.builder().build();
            List<JsonNode> seen = new ArrayList<>();
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(json.readTree(record.value())));
                return seen.stream()
                    .filter(event -> event.get("data").get("context").get("firstBrokenSeq").asLong() == seq)
                    .findFirst()
                    .orElse(null);
            }, found -> found != null);
        }
    }

    private void swap(long a, long b) throws Exception {
        sql("update audit_entries set seq = -1 where seq = " + a);
        sql("update audit_entries set seq = " + a + " where seq = " + b);
        sql("update audit_entries set seq = " + b + " where seq = -1");
    }

    private void assertBrokenAt(long seq) {
        JsonNode result = verify();
        assertThat(result.get("ok").asBoolean()).isFalse();
        assertThat(result.get("firstBrokenSeq").asLong()).isEqualTo(seq);
        assertThat(result.get("reason").asString()).isNotBlank();
    }

    private JsonNode verify() {
        return this.client.post()
            .uri("/api/security/audit/verify")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    }

    private static void sql(String statement) throws Exception {
        try (Connection connection = TestPostgres.connect(); Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + SCHEMA);
            sql.execute(statement);
        }
    }
}
