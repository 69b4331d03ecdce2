package dev.vigil.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.common.events.AuditRecorded;
import dev.vigil.common.events.CloudEvent;
import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit service against a real PostgreSQL and a real Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, topics = "vigil.audit.v1")
class AuditLogIT {

    private static final String SCHEMA = TestPostgres.freshSchema("audit_it");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.springProperties(SCHEMA).forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    DatabaseClient db;

    WebTestClient client;

    @BeforeEach
    void client() {
        this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
    }

    @Test
    void storesAnAuditEventOnceHoweverOftenItIsDelivered() throws Exception {
        String resource = "/api/security/incidents/" + UUID.randomUUID();
        CloudEvent event = event(new AuditRecorded("sre-sam", "10.1.2.3", "curl/8", "PATCH", resource, 200,
                Map.of("status", "mitigated"), "req-" + UUID.randomUUID()));

        this.kafka.send("vigil.audit.v1", event.subject(), this.codec.encode(event)).get();
        this.kafka.send("vigil.audit.v1", event.subject(), this.codec.encode(event)).get();
        this.kafka.send("vigil.audit.v1", "marker", this.codec.encode(event(marker(resource)))).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> list("resource=" + resource).size() == 2);
        JsonNode entry = list("resource=" + resource + "&action=PATCH").getFirst();
        assertThat(entry.get("user").asString()).isEqualTo("sre-sam");
        assertThat(entry.get("ip").asString()).isEqualTo("10.1.2.3");
        assertThat(entry.get("outcome").asInt()).isEqualTo(200);
        assertThat(entry.get("metadata").get("status").asString()).isEqualTo("mitigated");
        assertThat(entry.get("source").asString()).isEqualTo("/vigil/gateway");
        assertThat(entry.get("eventId").asString()).isEqualTo(event.id());
    }

    @Test
    void skipsAMalformedEventAndKeepsConsuming() throws Exception {
        String resource = "/after-malformed/" + UUID.randomUUID();
        this.kafka.send("vigil.audit.v1", "junk", "{\"this is\": \"not a cloud event\"}").get();
        this.kafka.send("vigil.audit.v1", "junk", "][").get();
        this.kafka.send("vigil.audit.v1", "marker", this.codec.encode(event(marker(resource)))).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> list("resource=" + resource).size() == 1);
    }

    @Test
    void appendsAReportedActionDatedByTheServer() {
        String resource = "/ext/" + UUID.randomUUID();
        JsonNode entry = this.client.post()
            .uri("/api/security/audit/logs")
            .header("X-Vigil-Subject", "ci-bot")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("action", "deploy", "resource", resource, "outcome", 201, "metadata", Map.of("sha", "abc")))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

        assertThat(entry.get("user").asString()).isEqualTo("ci-bot");
        assertThat(entry.get("action").asString()).isEqualTo("deploy");
        assertThat(entry.get("time").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(list("resource=" + resource)).hasSize(1);
    }

    @Test
    void anIdempotencyKeyMakesARetryOneEntry() {
        String resource = "/retried/" + UUID.randomUUID();
        Map<String, Object> body = Map.of("action", "rotate-key", "resource", resource);
        long first = post(body, "key-" + resource).get("seq").asLong();
        long second = post(body, "key-" + resource).get("seq").asLong();

        assertThat(second).isEqualTo(first);
        assertThat(list("resource=" + resource)).hasSize(1);
        this.client.post()
            .uri("/api/security/audit/logs")
            .header("Idempotency-Key", "key-" + resource)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("action", "something-else", "resource", resource))
            .exchange()
            .expectStatus()
            .isEqualTo(409);
    }

    @Test
    void rejectsBadInputWithAProblemAndWritesNothing() {
        long before = countEntries();
        assertBadRequest("{\"resource\":\"/x\"}");
        assertBadRequest("{\"action\":\"a\",\"resource\":\"/x\",\"metadata\":[1,2]}");
        assertBadRequest("{\"action\":\"a\",\"resource\":\"/x\",\"time\":\"1999-01-01T00:00:00Z\"}");
        assertBadRequest("{\"action\":\"a\",\"resource\":\"/x\",\"outcome\":\"great\"}");
        assertBadRequest("{\"action\":\"a\",");
        this.client.post()
            .uri("/api/security/audit/logs")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"action\":\"a\",\"resource\":\"/x\",\"metadata\":{\"pad\":\"" + "x".repeat(70_000) + "\"}}")
            .exchange()
            .expectStatus()
            .isEqualTo(413)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(countEntries()).isEqualTo(before);
    }

    @Test
    void pagesThroughTheLogNewestFirstWithoutGapsOrRepeats() {
        String resource = "/paged/" + UUID.randomUUID() + "/";
        for (int i = 0; i < 7; i++) {
            post(Map.of("action", "step", "resource", resource + i), null);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = this.client.get()
                .uri("/api/security/audit/logs?limit=3&resource=" + resource + (cursor != null ? "&cursor=" + cursor : ""))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
            page.get("items").forEach(item -> seen.add(item.get("resource").asString()));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        }
        while (cursor != null);

        assertThat(seen).containsExactly(resource + 6, resource + 5, resource + 4, resource + 3, resource + 2,
                resource + 1, resource + 0);
    }

    @Test
    void rejectsAnOutOfRangeLimitAndAForeignCursor() {
        this.client.get().uri("/api/security/audit/logs?limit=1001").exchange().expectStatus().isBadRequest();
        this.client.get().uri("/api/security/audit/logs?limit=0").exchange().expectStatus().isBadRequest();
        this.client.get().uri("/api/security/audit/logs?cursor=bm9wZQ").exchange().expectStatus().isBadRequest();
        this.client.get().uri("/api/security/audit/logs?from=yesterday").exchange().expectStatus().isBadRequest();
    }

    private JsonNode post(Map<String, Object> body, String idempotencyKey) {
        return this.client.post()
            .uri("/api/security/audit/logs")
            .headers(headers -> {
                if (idempotencyKey != null) {
                    headers.set("Idempotency-Key", idempotencyKey);
                }
            })
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    }

    private void assertBadRequest(String body) {
        this.client.post()
            .uri("/api/security/audit/logs")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("https://vigil.dev/problems/bad-request")
            .jsonPath("$.detail")
            .isNotEmpty();
    }

    private List<JsonNode> list(String query) {
        JsonNode page = this.client.get()
            .uri("/api/security/audit/logs?" + query)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    private long countEntries() {
        return this.db.sql("select count(*) as n from audit_entries").map(row -> row.get("n", Long.class)).one().block();
    }

    private CloudEvent event(AuditRecorded data) {
        return CloudEvent.create("/vigil/gateway", AuditRecorded.TYPE, String.valueOf(data.requestId()),
                this.codec.toTree(data));
    }

    private static AuditRecorded marker(String resource) {
        return new AuditRecorded(null, null, null, "MARK", resource, 200, Map.of(), "marker");
    }
}
