package dev.vigil.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.common.events.AuditRecorded;
import dev.vigil.common.events.CloudEvent;
import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.security.Scopes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gateway's audit events on the real vigil.audit.v1 topic. */
class RequestAuditIT extends GatewayTestSupport {

    @Autowired
    CloudEventCodec codec;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private KafkaConsumer<String, String> consumer;

    private final List<CloudEvent> seen = new ArrayList<>();

    @BeforeEach
    void subscribe() {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "audit-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        this.consumer.subscribe(List.of("vigil.audit.v1"));
    }

    @AfterEach
    void close() {
        this.consumer.close();
    }

    @Test
    void auditsAStateChangeWithWhoWhereWhatAndHow() {
        String requestId = "audit-" + UUID.randomUUID();
        this.client.post()
            .uri("/api/security/incidents")
            .headers(headers -> {
                headers.setBearerAuth(issuer.token("sre-sam", Scopes.INCIDENTS_WRITE));
                headers.set("X-Request-Id", requestId);
                headers.set("User-Agent", "vigil-cli/1.0");
            })
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"title\":\"disk full\"}")
            .exchange()
            .expectStatus()
            .isOk();

        CloudEvent event = awaitEvent(requestId);
        assertThat(event.type()).isEqualTo("dev.vigil.audit.recorded");
        assertThat(event.source()).isEqualTo("/vigil/gateway");
        AuditRecorded record = this.codec.data(event, AuditRecorded.class);
        assertThat(record.user()).isEqualTo("sre-sam");
        assertThat(record.ip()).isEqualTo("127.0.0.1");
        assertThat(record.userAgent()).isEqualTo("vigil-cli/1.0");
        assertThat(record.action()).isEqualTo("POST");
        assertThat(record.resource()).isEqualTo("/api/security/incidents");
        assertThat(record.outcome()).isEqualTo(200);
        assertThat(record.requestId()).isEqualTo(requestId);
    }

    @Test
    void auditsADeniedStateChangeToo() {
        String requestId = "denied-" + UUID.randomUUID();
        this.client.post()
            .uri("/api/security/rbac/assign")
            .header("X-Request-Id", requestId)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isUnauthorized();

        AuditRecorded record = this.codec.data(awaitEvent(requestId), AuditRecorded.class);
        assertThat(record.user()).isNull();
        assertThat(record.outcome()).isEqualTo(401);
    }

    @Test
    void auditsReadsOfAdminRoutesButNotOrdinaryReads() {
        String adminRead = "admin-read-" + UUID.randomUUID();
        String plainRead = "plain-read-" + UUID.randomUUID();
        this.client.get()
            .uri("/api/security/health")
            .headers(headers -> {
                headers.setBearerAuth(issuer.token("alice", Scopes.HEALTH_READ));
                headers.set("X-Request-Id", plainRead);
            })
            .exchange()
            .expectStatus()
            .isOk();
        this.client.get()
            .uri("/api/security/audit/logs")
            .headers(headers -> {
                headers.setBearerAuth(issuer.token("auditor-ann", Scopes.AUDIT_READ));
                headers.set("X-Request-Id", adminRead);
            })
            .exchange()
            .expectStatus()
            .isOk();

        assertThat(this.codec.data(awaitEvent(adminRead), AuditRecorded.class).user()).isEqualTo("auditor-ann");
        assertThat(find(plainRead)).as("an ordinary read is not audited").isEmpty();
    }

    private CloudEvent awaitEvent(String requestId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> find(requestId), Optional::isPresent).orElseThrow();
    }

    private Optional<CloudEvent> find(String requestId) {
        this.consumer.poll(Duration.ofMillis(200)).forEach(record -> this.seen.add(this.codec.decode(record.value())));
        return this.seen.stream().filter(event -> requestId.equals(event.subject())).findFirst();
    }
}
