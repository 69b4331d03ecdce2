package dev.vigil.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.vigil.common.events.AuditRecorded;
import dev.vigil.common.events.CloudEvent;
import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.events.Topic;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log's benchmark: raw PostgreSQL batch-insert rate, then append throughput through
 * Kafka into the audit service, then verification time and proof latency at the size reached,
 * all in one run against a running dev stack. Prints Markdown.
 * <pre>
 * java -cp bench/target/bench.jar -Dloader.main=dev.vigil.bench.AuditBench org.springframework.boot.loader.launch.PropertiesLauncher \
 *      KAFKA_BOOTSTRAP AUDIT_SERVICE_URL JDBC_URL COUNT
 * </pre>
 */
public final class AuditBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AuditBench() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String service = args[1];
        String jdbc = args[2];
        int count = Integer.parseInt(args[3]);

        double raw = rawInsertRate(jdbc, count);
        // One event first, so the consumer has joined its group before the clock starts.
        long warm = size(service) + 1;
        produce(bootstrap, 1);
        while (size(service) < warm) {
            Thread.sleep(200);
        }
        long before = size(service);
        long started = System.nanoTime();
        produce(bootstrap, count);
        double produced = (System.nanoTime() - started) / 1e9;
        while (size(service) < before + count) {
            Thread.sleep(200);
        }
        double appended = (System.nanoTime() - started) / 1e9;
        long size = size(service);

        // Twice: the first run also pays for compiling the verification's code.
        long verifyStarted = System.nanoTime();
        JsonNode verification = verify(service);
        double verified = (System.nanoTime() - verifyStarted) / 1e9;
        long againStarted = System.nanoTime();
        JsonNode again = verify(service);
        double verifiedAgain = (System.nanoTime() - againStarted) / 1e9;

        Histogram inclusion = proofLatency(service, size, true);
        Histogram consistency = proofLatency(service, size, false);

        System.out.println("| measure | result |");
        System.out.println("|---|---:|");
        System.out.printf("| raw PostgreSQL batch insert (JDBC, batches of 500, same row shape) | %,.0f rows/s |%n", raw);
        System.out.printf("| Kafka produce of %,d audit events | %.1f s |%n", count, produced);
        System.out.printf("| append through Kafka into the log, proofs available (first send to last entry stored) | %,.0f entries/s |%n",
                count / appended);
        System.out.printf("| verify the whole log (%,d entries): ok=%s | %.1f s |%n", verification.get("checked").asLong(),
                verification.get("ok").asBoolean(), verified);
        System.out.printf("| verify the whole log again (%,d entries): ok=%s | %.1f s |%n", again.get("checked").asLong(),
                again.get("ok").asBoolean(), verifiedAgain);
        System.out.printf("| inclusion proof at size %,d, p50 / p99 (200 sequential requests) | %.2f / %.2f ms |%n", size,
                inclusion.getValueAtPercentile(50) / 1e6, inclusion.getValueAtPercentile(99) / 1e6);
        System.out.printf("| consistency proof at size %,d, p50 / p99 (200 sequential requests) | %.2f / %.2f ms |%n", size,
                consistency.getValueAtPercentile(50) / 1e6, consistency.getValueAtPercentile(99) / 1e6);
    }

    private static JsonNode verify(String service) throws Exception {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(service + "/api/security/audit/verify"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .header("Content-Type", "application/json")));
    }

    /** Rows of the audit table's shape inserted into a scratch table: the ceiling the appender works under. */
    private static double rawInsertRate(String jdbc, int count) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc, "postgres", "")) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table if exists bench_raw_entries");
                ddl.execute("create table bench_raw_entries (seq bigint primary key, event_id uuid unique, "
                        + "recorded_at timestamptz, actor text, action text, resource text, outcome int, metadata jsonb, "
                        + "leaf text, prev_hash bytea, hash bytea)");
            }
            connection.setAutoCommit(false);
            byte[] hash = new byte[32];
            String leaf = "x".repeat(400);
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("insert into bench_raw_entries values "
                    + "(?, ?, now(), 'bench', 'bench.raw', '/bench', 200, '{\"n\":1}'::jsonb, ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    insert.setLong(1, i);
                    insert.setObject(2, UUID.randomUUID());
                    insert.setString(3, leaf);
                    insert.setBytes(4, hash);
                    insert.setBytes(5, hash);
                    insert.addBatch();
                    if (i % 500 == 499 || i == count - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            double rate = count / ((System.nanoTime() - started) / 1e9);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table bench_raw_entries");
            }
            connection.commit();
            return rate;
        }
    }

    private static void produce(String bootstrap, int count) {
        Properties config = new Properties();
        config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 262144));
        CloudEventCodec codec = new CloudEventCodec(JSON);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                AuditRecorded data = new AuditRecorded("bench-user", "10.0.0.1", "audit-bench", "bench.append",
                        "/bench/" + i, 200, Map.of("i", i), "bench-" + i);
                CloudEvent event = CloudEvent.create("/vigil/bench", AuditRecorded.TYPE, "bench-" + i, codec.toTree(data));
                producer.send(new ProducerRecord<>(Topic.AUDIT.topicName(), event.subject(), codec.encode(event)));
            }
            producer.flush();
        }
    }

    private static long size(String service) throws Exception {
        String note = send(HttpRequest.newBuilder(URI.create(service + "/api/security/audit/checkpoint")));
        return Long.parseLong(note.split("\n")[1]);
    }

    private static Histogram proofLatency(String service, long size, boolean inclusion) throws Exception {
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < 200; i++) {
            long a = 1 + ThreadLocalRandom.current().nextLong(size - 1);
            String query = inclusion ? "inclusion?seq=" + (a - 1) + "&treeSize=" + size : "consistency?from=" + a + "&to=" + size;
            long started = System.nanoTime();
            send(HttpRequest.newBuilder(URI.create(service + "/api/security/audit/proof/" + query)));
            histogram.recordValue(System.nanoTime() - started);
        }
        return histogram;
    }

    private static String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
