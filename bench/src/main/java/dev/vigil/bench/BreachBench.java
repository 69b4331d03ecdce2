package dev.vigil.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The health service's benchmark: how long from a target failing to the incident. A TCP check
 * (every 1 s, 3 failures open a breach) watches a port this program listens on; the program
 * closes it and times the {@code dev.vigil.incident.raise} event on Kafka and the incident in the
 * incidents API. Several rounds; prints Markdown.
 * <pre>
 * java -cp bench/target/bench.jar -Dloader.main=dev.vigil.bench.BreachBench org.springframework.boot.loader.launch.PropertiesLauncher \
 *      GATEWAY_URL ADMIN_TOKEN KAFKA_BOOTSTRAP ROUNDS
 * </pre>
 */
public final class BreachBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BreachBench() {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String token = args[1];
        String kafka = args[2];
        int rounds = Integer.parseInt(args[3]);
        List<Long> toEvent = new ArrayList<>();
        List<Long> toIncident = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
            for (int round = 0; round < rounds; round++) {
                long[] times = round(gateway, token, consumer, "bench-breach-" + System.currentTimeMillis() + "-" + round);
                toEvent.add(times[0]);
                toIncident.add(times[1]);
            }
        }
        System.out.println("| measure (TCP check every 1 s, breach after 3 failures) | median | max |");
        System.out.println("|---|---:|---:|");
        System.out.printf("| target closed → incident.raise on vigil.incident.v1 (%d rounds) | %.1f s | %.1f s |%n", rounds,
                median(toEvent) / 1000.0, max(toEvent) / 1000.0);
        System.out.printf("| target closed → incident listed by the incidents API (%d rounds) | %.1f s | %.1f s |%n", rounds,
                median(toIncident) / 1000.0, max(toIncident) / 1000.0);
    }

    private static long[] round(String gateway, String token, KafkaConsumer<String, String> consumer, String id)
            throws Exception {
        ServerSocket target = new ServerSocket(0);
        Thread acceptor = Thread.ofPlatform().daemon().start(() -> accept(target));
        String check = JSON.writeValueAsString(Map.of("id", id, "service", "bench-target", "kind", "tcp", "target",
                "127.0.0.1:" + target.getLocalPort(), "interval", "PT1S", "timeout", "PT0.5S"));
        send(HttpRequest.newBuilder(URI.create(gateway + "/api/security/health/checks"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(check)), 201);
        while (!passing(gateway, token, id)) {
            Thread.sleep(200);
        }
        consumer.poll(Duration.ofMillis(100));
        long closed = System.currentTimeMillis();
        target.close();
        acceptor.join();
        long event = -1;
        long incident = -1;
        while (event < 0 || incident < 0) {
            for (var record : consumer.poll(Duration.ofMillis(100))) {
                JsonNode value = JSON.readTree(record.value());
                if (event < 0 && value.get("type").asString().equals("dev.vigil.incident.raise")
                        && value.get("data").get("signature").asString().equals("health:" + id)) {
                    event = System.currentTimeMillis() - closed;
                }
            }
            if (incident < 0 && !JSON.readTree(send(HttpRequest.newBuilder(URI.create(gateway
                    + "/api/security/incidents?signature=health:" + id)).header("Authorization", "Bearer " + token), 200))
                .get("items").isEmpty()) {
                incident = System.currentTimeMillis() - closed;
            }
            if (System.currentTimeMillis() - closed > 60_000) {
                throw new IllegalStateException("no incident for " + id + " within 60 s");
            }
        }
        send(HttpRequest.newBuilder(URI.create(gateway + "/api/security/health/checks/" + id))
            .header("Authorization", "Bearer " + token).DELETE(), 204);
        return new long[] { event, incident };
    }

    private static boolean passing(String gateway, String token, String id) throws Exception {
        JsonNode report = JSON.readTree(send(HttpRequest.newBuilder(URI.create(gateway + "/api/security/health"))
            .header("Authorization", "Bearer " + token), 200));
        for (JsonNode service : report.get("services")) {
            for (JsonNode check : service.get("checks")) {
                if (check.get("id").asString().equals(id)) {
                    return check.get("status").asString().equals("healthy");
                }
            }
        }
        return false;
    }

    private static void accept(ServerSocket target) {
        while (!target.isClosed()) {
            try (Socket ignored = target.accept()) {
                // accepted and closed: the check only connects
            }
            catch (IOException ex) {
                return;
            }
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties config = new Properties();
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
                "breach-bench-" + System.currentTimeMillis(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"));
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("vigil.incident.v1"));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(200));
        }
        return consumer;
    }

    private static String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
