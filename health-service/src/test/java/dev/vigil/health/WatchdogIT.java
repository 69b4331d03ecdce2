package dev.vigil.health;

import java.time.Duration;

import dev.vigil.common.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watchdog, as Kubernetes sees it: with a heap limit this instance is always over, it goes
 * out of rotation (readiness 503) after the configured run of samples, stays alive (liveness 200)
 * below the down limit, and says so in its metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "vigil.health.checks[0].id=none",
                "vigil.health.checks[0].service=none", "vigil.health.checks[0].kind=tcp",
                "vigil.health.checks[0].target=127.0.0.1:1", "vigil.health.checks[0].interval=1h",
                "vigil.watchdog.interval=200ms", "vigil.watchdog.heap-degraded=0.0001", "vigil.watchdog.degraded-after=3" })
@EmbeddedKafka(partitions = 1, topics = { "vigil.incident.v1", "vigil.flags.v1", "vigil.audit.v1" })
class WatchdogIT {

    private static final String SCHEMA = TestPostgres.freshSchema("health_watchdog_it");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.springProperties(SCHEMA).forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Test
    void aSustainedBreachTakesTheInstanceOutOfRotationButKeepsItAlive() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(client.get().uri("/actuator/prometheus")
            .exchange().expectBody(String.class).returnResult().getResponseBody().lines()
            .filter(line -> line.startsWith("vigil_watchdog")).toList()).contains("vigil_watchdog_state 1.0"));
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        String metrics = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("vigil_watchdog_state 1.0", "vigil_watchdog_event_loop_lag_seconds",
                "vigil_watchdog_heap_used", "vigil_watchdog_database_up 1.0");
    }
}
