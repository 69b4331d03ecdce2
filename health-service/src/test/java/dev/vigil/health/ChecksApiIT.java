package dev.vigil.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.vigil.common.testing.TestPostgres;
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
import static org.awaitility.Awaitility.await;

/** Checks through the API: created, run, judged, kept, replaced, deleted; bad input refused; flags set. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "vigil.health.checks[0].id=configured-tcp", "vigil.health.checks[0].service=nothing",
                "vigil.health.checks[0].kind=tcp", "vigil.health.checks[0].target=127.0.0.1:1",
                "vigil.health.checks[0].interval=1h" })
@EmbeddedKafka(partitions = 1, topics = { "vigil.incident.v1", "vigil.flags.v1", "vigil.audit.v1" })
class ChecksApiIT {

    private static final String SCHEMA = TestPostgres.freshSchema("health_checks_it");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.springProperties(SCHEMA).forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Test
    void aCheckMadeThroughTheApiRunsIsJudgedAndKeepsItsHistory() throws IOException {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
        try (ServerSocket target = new ServerSocket(0)) {
            Map<String, Object> check = Map.of("id", "api-tcp", "service", "billing", "region", "eu-west", "kind", "tcp",
                    "target", "127.0.0.1:" + target.getLocalPort(), "interval", "PT1H", "timeout", "PT1S");
            client.post().uri("/api/security/health/checks").contentType(MediaType.APPLICATION_JSON).bodyValue(check)
                .exchange().expectStatus().isCreated().expectHeader().valueEquals("Location", "/api/security/health/checks/api-tcp");
            client.post().uri("/api/security/health/checks").contentType(MediaType.APPLICATION_JSON).bodyValue(check)
                .exchange().expectStatus().isEqualTo(409);
            JsonNode passed = run(client, "api-tcp");
            assertThat(passed.get("ok").asBoolean()).as(passed.toString()).isTrue();
        }
        for (int i = 0; i < 3; i++) {
            assertThat(run(client, "api-tcp").get("ok").asBoolean()).as("the port is closed now").isFalse();
        }
        JsonNode billing = service(client, "billing");
        assertThat(billing.get("region").asString()).isEqualTo("eu-west");
        assertThat(billing.get("status").asString()).as("three failures in a row: a breach").isEqualTo("down");
        assertThat(billing.get("lastError").asString()).contains("Connection refused");

        // Results are written in batches, about every second.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode history = client.get().uri("/api/security/health/checks/api-tcp/history").exchange().expectStatus()
                .isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            // A new check also runs at once on its own, so there may be one more passing run at the start.
            JsonNode items = history.get("items");
            assertThat(items.size()).isBetween(4, 5);
            assertThat(items.get(0).get("ok").asBoolean()).as("newest first").isFalse();
            assertThat(items.get(2).get("ok").asBoolean()).isFalse();
            assertThat(items.get(items.size() - 1).get("ok").asBoolean()).as("oldest: the open port").isTrue();
        });

        client.put().uri("/api/security/health/checks/api-tcp").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("id", "api-tcp", "service", "billing", "kind", "tcp", "target", "127.0.0.1:2"))
            .exchange().expectStatus().isOk();
        assertThat(client.get().uri("/api/security/health/checks/api-tcp").exchange().expectBody(JsonNode.class)
            .returnResult().getResponseBody().get("target").asString()).isEqualTo("127.0.0.1:2");
        client.delete().uri("/api/security/health/checks/api-tcp").exchange().expectStatus().isNoContent();
        client.get().uri("/api/security/health/checks/api-tcp").exchange().expectStatus().isNotFound();
    }

    @Test
    void refusesBadChecksAndChangesToConfiguredOnes() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("id", "Bad Id", "service", "x", "kind", "tcp", "target", "h:1"),
                Map.of("id", "x1", "service", "x", "kind", "smtp", "target", "h:1"),
                Map.of("id", "x2", "service", "x", "kind", "tcp", "target", "h:1", "interval", "PT0.1S"),
                Map.of("id", "x3", "service", "x", "kind", "tcp", "target", "h:1", "surprise", true),
                Map.of("id", "x4", "kind", "tcp", "target", "h:1"))) {
            client.post().uri("/api/security/health/checks").contentType(MediaType.APPLICATION_JSON).bodyValue(bad)
                .exchange().expectStatus().isBadRequest().expectHeader().contentType("application/problem+json");
        }
        client.put().uri("/api/security/health/checks/configured-tcp").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("id", "configured-tcp", "service", "x", "kind", "tcp", "target", "h:1"))
            .exchange().expectStatus().isEqualTo(409);
        client.delete().uri("/api/security/health/checks/configured-tcp").exchange().expectStatus().isEqualTo(409);
        client.post().uri("/api/security/health/checks/nope/run").exchange().expectStatus().isNotFound();
    }

    @Test
    void anAdminSetsAFlagEveryoneCanRead() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
        client.put().uri("/api/security/flags/maintenance").header("X-Vigil-Subject", "admin-ann")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("enabled", true, "reason", "upgrade"))
            .exchange().expectStatus().isOk();
        JsonNode flags = client.get().uri("/api/security/flags").exchange().expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(flags.get("safe_mode").get("enabled").asBoolean()).isFalse();
        assertThat(flags.get("maintenance").get("enabled").asBoolean()).isTrue();
        assertThat(flags.get("maintenance").get("setBy").asString()).isEqualTo("admin-ann");
        client.put().uri("/api/security/flags/Bad-Name").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("enabled", true)).exchange().expectStatus().isBadRequest();
        client.put().uri("/api/security/flags/maintenance").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("reason", "no enabled")).exchange().expectStatus().isBadRequest();
    }

    private static JsonNode run(WebTestClient client, String id) {
        return client.post().uri("/api/security/health/checks/" + id + "/run").exchange().expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static JsonNode service(WebTestClient client, String name) {
        JsonNode report = client.get().uri("/api/security/health").exchange().expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode service : report.get("services")) {
            if (service.get("service").asString().equals(name)) {
                return service;
            }
        }
        throw new AssertionError("no service " + name + " in " + report);
    }
}
