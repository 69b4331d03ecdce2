package dev.vigil.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.common.events.CloudEvent;
import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.events.IncidentRaise;
import dev.vigil.common.events.IncidentResolve;
import dev.vigil.common.testing.TestPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
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
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Incidents that arrive on their own: Alertmanager's webhook, storms of it, and raise events from other services. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, topics = { "vigil.incident.v1", "vigil.audit.v1" })
class AlertsAndEventsIT {

    private static final String SCHEMA = TestPostgres.freshSchema("incident_alerts_it");

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    void client() {
        this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
    }

    @Test
    void tenThousandIdenticalAlertsMakeOneIncidentCountedExactly() {
        // 200 webhook calls of 50 alerts, 8 at a time: concurrent occurrences of one fingerprint.
        WebClient web = WebClient.create("http://127.0.0.1:" + this.port);
        Map<String, Object> payload = payload("firing", alert("firing", "storm-fp", "DiskFull", "critical"), 50);
        List<JsonNode> answers = Flux.range(0, 200)
            .flatMap(n -> web.post().uri("/api/security/alertmanager").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(payload).retrieve().bodyToMono(JsonNode.class), 8)
            .collectList()
            .block(Duration.ofMinutes(5));
        assertThat(answers.stream().mapToInt(answer -> answer.get("opened").asInt()).sum()).isEqualTo(1);
        assertThat(answers.stream().mapToInt(answer -> answer.get("counted").asInt()).sum()).isEqualTo(9_999);

        JsonNode items = list("signature=alertmanager:storm-fp");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("occurrenceCount").asLong()).isEqualTo(10_000);
        assertThat(items.get(0).get("severity").asString()).isEqualTo("critical");
        assertThat(items.get(0).get("title").asString()).isEqualTo("Disk full on db-1");
    }

    @Test
    void aResolvedAlertResolvesItsIncidentUnlessAPersonTookItOver() {
        post(payload("firing", alert("firing", "auto-fp", "HighLatency", "warning"), 1));
        post(payload("firing", alert("firing", "manual-fp", "HighLatency", "warning"), 1));
        String manual = list("signature=alertmanager:manual-fp").get(0).get("id").asString();
        this.client.patch().uri("/api/security/incidents/" + manual).header("X-Vigil-Subject", "sre-alice")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "investigating")).exchange()
            .expectStatus().isOk();

        JsonNode answer = post(payload("resolved", alert("resolved", "auto-fp", "HighLatency", "warning"), 1));
        post(payload("resolved", alert("resolved", "manual-fp", "HighLatency", "warning"), 1));
        assertThat(answer.get("resolved").asInt()).isEqualTo(1);

        JsonNode auto = list("signature=alertmanager:auto-fp").get(0);
        assertThat(auto.get("status").asString()).isEqualTo("resolved");
        assertThat(auto.get("severity").asString()).as("warning maps to medium").isEqualTo("medium");
        assertThat(list("signature=alertmanager:manual-fp").get(0).get("status").asString())
            .as("a person's incident stays theirs").isEqualTo("investigating");
    }

    @Test
    void aWebhookThatIsNotAlertmanagerV4IsRefused() {
        Map<String, Object> wrongVersion = new HashMap<>(payload("firing", alert("firing", "x", "X", "info"), 1));
        wrongVersion.put("version", "3");
        this.client.post().uri("/api/security/alertmanager").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(wrongVersion).exchange().expectStatus().isBadRequest();
        Map<String, Object> noAlerts = new HashMap<>(wrongVersion);
        noAlerts.put("version", "4");
        noAlerts.put("alerts", List.of());
        this.client.post().uri("/api/security/alertmanager").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(noAlerts).exchange().expectStatus().isBadRequest();
        this.client.post().uri("/api/security/alertmanager").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"version\":\"4\",\"alerts\":[{\"status\":\"exploded\"}]}").exchange().expectStatus().isBadRequest();
        assertThat(list("signature=alertmanager:x")).isEmpty();
    }

    @Test
    void raiseEventsOpenIncidentsOnceDatedByTheEventAndEmitTheirOwnEvents() {
        Instant detected = Instant.now().minus(Duration.ofMinutes(7)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        CloudEventCodec codec = new CloudEventCodec(JSON);
        IncidentRaise raise = new IncidentRaise("audit-log-integrity", "critical", "The audit log failed verification",
                "Entry 4: the hash chain is broken", Map.of("firstBrokenSeq", 4));
        CloudEvent event = CloudEvent.create("/vigil/audit-service", IncidentRaise.TYPE, "audit-log-integrity",
                codec.toTree(raise));
        CloudEvent dated = event.at(detected);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("vigil.incident.v1", dated.subject(), codec.encode(dated)));
            producer.send(new ProducerRecord<>("vigil.incident.v1", dated.subject(), codec.encode(dated)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> list("signature=audit-log-integrity").size() == 1);
        JsonNode incident = list("signature=audit-log-integrity").get(0);
        assertThat(Instant.parse(incident.get("detectedAt").asString())).as("dated by the event").isEqualTo(detected);
        assertThat(incident.get("source").asString()).isEqualTo("/vigil/audit-service");

        List<JsonNode> incidentEvents = new ArrayList<>();
        List<JsonNode> auditEvents = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            drain("vigil.incident.v1", incidentEvents);
            drain("vigil.audit.v1", auditEvents);
            return incidentEvents.stream().anyMatch(e -> e.get("type").asString().equals("dev.vigil.incident.created")
                    && e.get("data").get("signature").asString().equals("audit-log-integrity"))
                    && auditEvents.stream().anyMatch(e -> e.get("data").get("action").asString().equals("incident.create")
                            && e.get("data").get("resource").asString().endsWith(incident.get("id").asString()));
        });
        assertThat(list("signature=audit-log-integrity").get(0).get("occurrenceCount").asLong())
            .as("the same event delivered twice counts once").isEqualTo(1);

        IncidentResolve resolve = new IncidentResolve("audit-log-integrity", "verified again: ok");
        CloudEvent resolved = CloudEvent.create("/vigil/audit-service", IncidentResolve.TYPE, "audit-log-integrity",
                codec.toTree(resolve));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("vigil.incident.v1", resolved.subject(), codec.encode(resolved)));
        }
        await().atMost(Duration.ofSeconds(30))
            .until(() -> list("signature=audit-log-integrity").get(0).get("status").asString().equals("resolved"));
    }

    private final Map<String, KafkaConsumer<String, String>> consumers = new HashMap<>();

    private void drain(String topic, List<JsonNode> into) {
        KafkaConsumer<String, String> consumer = this.consumers.computeIfAbsent(topic, name -> {
            KafkaConsumer<String, String> created = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    this.brokers, ConsumerConfig.GROUP_ID_CONFIG, "test-" + name, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest"), new StringDeserializer(), new StringDeserializer());
            created.subscribe(List.of(name));
            return created;
        });
        consumer.poll(Duration.ofMillis(500)).forEach(record -> into.add(JSON.readTree(record.value())));
    }

    private JsonNode list(String query) {
        return this.client.get().uri("/api/security/incidents?limit=1000&" + query).exchange().expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody().get("items");
    }

    private JsonNode post(Map<String, Object> payload) {
        return this.client.post().uri("/api/security/alertmanager").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(payload).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
            .getResponseBody();
    }

    private static Map<String, Object> alert(String status, String fingerprint, String name, String severity) {
        return Map.of("status", status, "fingerprint", fingerprint, "startsAt", "2026-11-23T10:00:00Z",
                "endsAt", "0001-01-01T00:00:00Z", "generatorURL", "http://prometheus/graph",
                "labels", Map.of("alertname", name, "severity", severity, "instance", "db-1"),
                "annotations", Map.of("summary", "Disk full on db-1", "description", "under 1% left"));
    }

    private static Map<String, Object> payload(String status, Map<String, Object> alert, int copies) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            alerts.add(alert);
        }
        return Map.of("version", "4", "groupKey", "{}:{alertname=\"X\"}", "truncatedAlerts", 0, "status", status,
                "receiver", "vigil", "groupLabels", Map.of(), "commonLabels", Map.of(), "commonAnnotations", Map.of(),
                "externalURL", "http://alertmanager:9093", "alerts", alerts);
    }
}
