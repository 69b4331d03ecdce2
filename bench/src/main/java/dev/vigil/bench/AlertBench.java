package dev.vigil.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The incident service's benchmark: alerts ingested per second through the Alertmanager webhook
 * (via the gateway, with the static token, and straight to the incident service), deduplicated
 * onto a few incidents, in two shapes: one alert per call (the worst case) and calls of 50
 * identical alerts (a storm). Checks that the counts add up exactly. Prints Markdown.
 * <pre>
 * java -cp bench/target/bench.jar -Dloader.main=dev.vigil.bench.AlertBench org.springframework.boot.loader.launch.PropertiesLauncher \
 *      GATEWAY_URL ALERTMANAGER_TOKEN INCIDENTS_READ_TOKEN ALERTS INCIDENT_SERVICE_URL
 * </pre>
 */
public final class AlertBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final int IN_FLIGHT = 16;

    private static final int FINGERPRINTS = 10;

    private AlertBench() {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String alertmanagerToken = args[1];
        String readToken = args[2];
        int alerts = Integer.parseInt(args[3]);
        String direct = args[4];

        run(gateway, alertmanagerToken, "warmup", alerts / 10, 1);
        double single = run(gateway, alertmanagerToken, "single", alerts, 1);
        double storm = run(gateway, alertmanagerToken, "storm", alerts, 50);
        double singleDirect = run(direct, alertmanagerToken, "direct-single", alerts, 1);
        double stormDirect = run(direct, alertmanagerToken, "direct-storm", alerts, 50);

        System.out.println("| measure | through the gateway | straight to the incident service |");
        System.out.println("|---|---:|---:|");
        System.out.printf("| %,d alerts, one per webhook call, %d calls in flight, onto %d incidents | %,.0f alerts/s | %,.0f alerts/s |%n",
                alerts, IN_FLIGHT, FINGERPRINTS, single, singleDirect);
        System.out.printf("| %,d alerts, 50 identical per call, %d calls in flight, onto %d incidents | %,.0f alerts/s | %,.0f alerts/s |%n",
                alerts, IN_FLIGHT, FINGERPRINTS, storm, stormDirect);
        System.out.println();
        System.out.println("| run | alerts sent | occurrences counted on its incidents |");
        System.out.println("|---|---:|---:|");
        for (String run : List.of("single", "storm", "direct-single", "direct-storm")) {
            long counted = 0;
            for (int f = 0; f < FINGERPRINTS; f++) {
                JsonNode items = JSON.readTree(send(HttpRequest.newBuilder(URI.create(gateway
                        + "/api/security/incidents?signature=alertmanager:" + run + "-" + f))
                    .header("Authorization", "Bearer " + readToken)));
                counted += items.get("items").get(0).get("occurrenceCount").asLong();
            }
            System.out.printf("| %s | %,d | %,d |%n", run, alerts, counted);
        }
    }

    /** Sends {@code alerts} alerts in calls of {@code perCall}; answers alerts per second. */
    private static double run(String gateway, String token, String name, int alerts, int perCall) throws Exception {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        long started = System.nanoTime();
        for (int sent = 0, call = 0; sent < alerts; sent += perCall, call++) {
            String body = payload(name + "-" + (call % FINGERPRINTS), Math.min(perCall, alerts - sent));
            inFlight.acquire();
            calls.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(gateway + "/api/security/alertmanager"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> inFlight.release()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - started) / 1e9;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            if (call.join().statusCode() != 200) {
                throw new IllegalStateException(call.join().statusCode() + " " + call.join().body());
            }
        }
        return alerts / seconds;
    }

    private static String payload(String fingerprint, int copies) {
        Map<String, Object> alert = Map.of("status", "firing", "fingerprint", fingerprint, "startsAt",
                "2026-11-23T10:00:00Z", "labels", Map.of("alertname", "BenchAlert", "severity", "warning"),
                "annotations", Map.of("summary", "Bench alert " + fingerprint));
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            alerts.add(alert);
        }
        return JSON.writeValueAsString(Map.of("version", "4", "status", "firing", "receiver", "vigil", "alerts", alerts));
    }

    private static String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
