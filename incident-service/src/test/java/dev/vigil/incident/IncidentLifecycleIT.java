package dev.vigil.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.common.testing.TestPostgres;
import dev.vigil.incident.domain.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The incidents API as an SRE uses it: open, dedup, move through the lifecycle, read the timeline, list. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, topics = { "vigil.incident.v1", "vigil.audit.v1" })
class IncidentLifecycleIT {

    private static final String SCHEMA = TestPostgres.freshSchema("incident_lifecycle_it");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.springProperties(SCHEMA).forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
    }

    @Test
    void aSecondReportOfAnUnresolvedIncidentCountsInsteadOfOpeningAnother() {
        JsonNode first = create("Disk full on db-1", "high", null, 201);
        assertThat(first.get("status").asString()).isEqualTo("open");
        assertThat(first.get("occurrenceCount").asLong()).isEqualTo(1);
        assertThat(first.get("signature").asString()).isEqualTo("api:disk full on db-1");
        JsonNode second = create("Disk  full on DB-1", "high", null, 200);
        assertThat(second.get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(second.get("occurrenceCount").asLong()).isEqualTo(2);

        patch(first.get("id").asString(), Map.of("status", "resolved"), 200);
        JsonNode after = create("Disk full on db-1", "high", null, 201);
        assertThat(after.get("id").asString()).as("a resolved incident is not counted again: a new one opens")
            .isNotEqualTo(first.get("id").asString());
    }

    @Test
    void everyStatusMoveIsAllowedOrRefusedAsTheLifecycleSays() {
        List<String> checked = new ArrayList<>();
        for (Status from : Status.values()) {
            for (Status to : Status.values()) {
                String id = incidentIn(from, "matrix " + from + " to " + to);
                JsonNode answer = patch(id, Map.of("status", to.wire()), expected(from, to));
                if (from != to && !from.canMoveTo(to)) {
                    assertThat(answer.get("type").asString()).endsWith("/conflict");
                    List<String> allowed = new ArrayList<>();
                    answer.get("allowed").forEach(move -> allowed.add(move.asString()));
                    assertThat(allowed).as("allowed moves from %s", from)
                        .containsExactlyInAnyOrderElementsOf(from.moves().stream().map(Status::wire).toList());
                }
                else {
                    assertThat(answer.get("status").asString()).isEqualTo(to.wire());
                }
                checked.add(from.wire() + "->" + to.wire());
            }
        }
        assertThat(checked).hasSize(16);
        // The rules themselves, as the issue states them.
        assertThat(Status.OPEN.moves()).containsExactlyInAnyOrder(Status.INVESTIGATING, Status.MITIGATED, Status.RESOLVED);
        assertThat(Status.INVESTIGATING.moves()).containsExactlyInAnyOrder(Status.MITIGATED, Status.RESOLVED);
        assertThat(Status.MITIGATED.moves()).containsExactlyInAnyOrder(Status.INVESTIGATING, Status.RESOLVED);
        assertThat(Status.RESOLVED.moves()).containsExactly(Status.OPEN);
    }

    private static int expected(Status from, Status to) {
        return (from == to || from.canMoveTo(to)) ? 200 : 409;
    }

    @Test
    void theTimelineRecordsWhoChangedWhatAndWhy() {
        String id = create("Latency SLO burn", "medium", "slo-burn-checkout", 201).get("id").asString();
        patch(id, Map.of("status", "investigating", "assignee", "alice", "note", "looking at the checkout pods"), 200);
        patch(id, Map.of("severity", "high"), 200);
        JsonNode resolved = patch(id, Map.of("status", "resolved", "note", "rolled back 1.4.2"), 200);
        assertThat(resolved.get("resolvedAt").isNull()).isFalse();
        JsonNode reopened = patch(id, Map.of("status", "open", "note", "it is back"), 200);
        assertThat(reopened.get("resolvedAt").isNull()).as("reopening clears the resolution time").isTrue();
        patch(id, Map.of("note", "a note alone"), 200);

        JsonNode incident = get(id);
        List<String> kinds = new ArrayList<>();
        incident.get("timeline").forEach(entry -> kinds.add(entry.get("kind").asString()));
        assertThat(kinds).containsExactly("created", "status", "assignee", "severity", "status", "status", "note");
        JsonNode firstMove = incident.get("timeline").get(1);
        assertThat(firstMove.get("actor").asString()).isEqualTo("sre-bob");
        assertThat(firstMove.get("change").get("from").asString()).isEqualTo("open");
        assertThat(firstMove.get("change").get("to").asString()).isEqualTo("investigating");
        assertThat(firstMove.get("note").asString()).isEqualTo("looking at the checkout pods");
        assertThat(incident.get("takenOver").asBoolean()).isTrue();
    }

    @Test
    void badInputGetsProblemDetailsAndChangesNothing() {
        String id = create("Bad input target", "low", null, 201).get("id").asString();
        patch(id, Map.of("status", "closed"), 400);
        patch(id, Map.of("severity", "apocalyptic"), 400);
        patch(id, Map.of("colour", "red"), 400);
        patch("00000000-0000-0000-0000-000000000000", Map.of("status", "resolved"), 404);
        patch("not-a-uuid", Map.of("status", "resolved"), 404);
        this.client.post().uri("/api/security/incidents").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("severity", "low")).exchange().expectStatus().isBadRequest();
        this.client.post().uri("/api/security/incidents").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{not json").exchange().expectStatus().isBadRequest();
        this.client.get().uri("/api/security/incidents?limit=1001").exchange().expectStatus().isBadRequest();
        this.client.get().uri("/api/security/incidents?cursor=garbage").exchange().expectStatus().isBadRequest();
        this.client.get().uri("/api/security/incidents?status=closed").exchange().expectStatus().isBadRequest();
        assertThat(get(id).get("status").asString()).isEqualTo("open");
        assertThat(get(id).get("timeline")).hasSize(1);
    }

    @Test
    void theListPagesNewestFirstAndFilters() {
        for (int n = 0; n < 5; n++) {
            create("Paged incident " + n, (n % 2 == 0) ? "critical" : "info", "paged-" + n, 201);
        }
        List<String> titles = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = this.client.get()
                .uri("/api/security/incidents?limit=2&severity=critical" + (cursor != null ? "&cursor=" + cursor : ""))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            page.get("items").forEach(item -> titles.add(item.get("title").asString()));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        }
        while (cursor != null);
        assertThat(titles).filteredOn(title -> title.startsWith("Paged"))
            .containsExactly("Paged incident 4", "Paged incident 2", "Paged incident 0");
        JsonNode one = this.client.get().uri("/api/security/incidents?signature=paged-3").exchange().expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(one.get("items")).hasSize(1);
        assertThat(one.get("items").get(0).get("severity").asString()).isEqualTo("info");
    }

    private String incidentIn(Status status, String title) {
        String id = create(title, "medium", null, 201).get("id").asString();
        if (status != Status.OPEN) {
            patch(id, Map.of("status", status.wire()), 200);
        }
        return id;
    }

    private JsonNode create(String title, String severity, String signature, int status) {
        Map<String, Object> body = (signature != null) ? Map.of("title", title, "severity", severity, "signature", signature)
                : Map.of("title", title, "severity", severity);
        return this.client.post().uri("/api/security/incidents").header("X-Vigil-Subject", "sre-bob")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isEqualTo(status)
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode patch(String id, Map<String, Object> body, int status) {
        return this.client.patch().uri("/api/security/incidents/" + id).header("X-Vigil-Subject", "sre-bob")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isEqualTo(status)
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode get(String id) {
        return this.client.get().uri("/api/security/incidents/" + id).exchange().expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
