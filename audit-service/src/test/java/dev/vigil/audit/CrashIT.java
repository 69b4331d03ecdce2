package dev.vigil.audit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import dev.vigil.common.events.AuditRecorded;
import dev.vigil.common.events.CloudEvent;
import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.events.Topic;
import dev.vigil.common.testing.TestPostgres;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit service, run as its own process from its packaged jar, is killed (SIGKILL) while it
 * appends batches from Kafka. After a restart every event is in the log exactly once and the log
 * verifies.
 */
@EmbeddedKafka(partitions = 1, topics = { "vigil.audit.v1", "vigil.incident.v1" })
class CrashIT {

    private static final int EVENTS = 20_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String schema = TestPostgres.freshSchema("audit_crash_it");

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopService() {
        this.processes.forEach(Process::destroyForcibly);
    }

    @Test
    void appenderKilledMidBatchLosesAndDuplicatesNothing(EmbeddedKafkaBroker kafka) throws Exception {
        int port = freePort();
        Process first = start(kafka, port, "first");
        await().atMost(Duration.ofSeconds(90)).until(() -> ready(port));
        produce(kafka.getBrokersAsString());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> entries() >= EVENTS / 4);
        first.destroyForcibly().waitFor();
        long atKill = entries();
        assertThat(atKill).as("killed while appending").isLessThan(EVENTS);

        start(kafka, port, "second");
        await().atMost(Duration.ofSeconds(120)).until(() -> ready(port) && entries() >= EVENTS);

        try (Connection connection = TestPostgres.connect(); Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + this.schema);
            ResultSet counts = sql.executeQuery("select count(*), count(distinct event_id), max(seq) from audit_entries");
            counts.next();
            assertThat(counts.getLong(1)).as("entries").isEqualTo(EVENTS);
            assertThat(counts.getLong(2)).as("distinct events").isEqualTo(EVENTS);
            assertThat(counts.getLong(3)).as("last seq: no gaps").isEqualTo(EVENTS - 1);
        }
        JsonNode verification = JSON.readTree(post(port, "/api/security/audit/verify"));
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("checked").asLong()).isEqualTo(EVENTS);
    }

    private Process start(EmbeddedKafkaBroker kafka, int port, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar", serviceJar().toString(), "--server.port=" + port,
                "--management.server.port=0", "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--vigil.audit.verify-interval=PT24H",
                // The killed consumer's partition moves to the restarted one once its session lapses.
                "--spring.kafka.consumer.properties.session.timeout.ms=6000"));
        TestPostgres.springProperties(this.schema).forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Path.of("target", "crash-it-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        this.processes.add(process);
        return process;
    }

    /** The jar that {@code package} built, which runs before the integration tests. */
    private static Path serviceJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("audit-service.*\\.jar"))
                .filter(file -> !file.getFileName().toString().endsWith("-plain.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("package the audit service first: target/audit-service.jar"));
        }
    }

    private static void produce(String bootstrap) {
        Properties config = new Properties();
        config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5));
        CloudEventCodec codec = new CloudEventCodec(JSON);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < EVENTS; i++) {
                AuditRecorded data = new AuditRecorded("crash-user", "10.0.0.1", "crash-it", "crash.append",
                        "/crash/" + i, 200, Map.of("i", i), UUID.randomUUID().toString());
                CloudEvent event = CloudEvent.create("/vigil/crash-it", AuditRecorded.TYPE, "crash-" + i,
                        codec.toTree(data));
                producer.send(new ProducerRecord<>(Topic.AUDIT.topicName(), event.subject(), codec.encode(event)));
            }
            producer.flush();
        }
    }

    private long entries() throws Exception {
        try (Connection connection = TestPostgres.connect(); Statement sql = connection.createStatement()) {
            ResultSet exists = sql.executeQuery("select to_regclass('" + this.schema + ".audit_entries') is not null");
            exists.next();
            if (!exists.getBoolean(1)) {
                return 0;
            }
            ResultSet count = sql.executeQuery("select count(*) from " + this.schema + ".audit_entries");
            count.next();
            return count.getLong(1);
        }
    }

    private static boolean ready(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/security/audit/checkpoint")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        }
        catch (IOException | InterruptedException ex) {
            return false;
        }
    }

    private static String post(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).POST(HttpRequest.BodyPublishers.noBody())
            .header("Content-Type", "application/json").timeout(Duration.ofMinutes(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
