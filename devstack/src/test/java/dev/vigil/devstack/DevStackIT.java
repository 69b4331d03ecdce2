package dev.vigil.devstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.vigil.devstack.issuer.DevIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as {@code ./vigil up} starts it, from the modules' built jars: a token from
 * the dev issuer, through the gateway, to the services, and the audit trail back.
 */
class DevStackIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String DATABASE = "vigil_devstack_it";

    private static DevStack stack;

    private static DevStackSettings settings;

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of("..").toAbsolutePath().normalize();
        Map<String, Integer> services = new LinkedHashMap<>();
        for (String name : DevStackSettings.defaults(home).servicePorts().keySet()) {
            services.put(name, freePort());
        }
        dropDatabase();
        settings = new DevStackSettings(home, Path.of("target", "devstack-it").toAbsolutePath(), DATABASE, freePort(),
                freePort(), freePort(), services);
        stack = new DevStack(settings, System.out);
        stack.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        dropDatabase();
    }

    @Test
    void aDevTokenReachesAServiceThroughTheGateway() throws Exception {
        HttpResponse<String> response = send("POST", "/api/security/incidents", token("dev-sre"), null);

        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        JsonNode incident = JSON.readTree(response.body());
        assertThat(incident.get("title").asString()).isEqualTo("devstack-it");
        assertThat(incident.get("status").asString()).isEqualTo("open");

        JsonNode health = JSON.readTree(send("GET", "/api/security/health", token("dev-sre"), null).body());
        assertThat(health.get("services").findValuesAsString("service")).contains("audit-service", "postgresql");
    }

    @Test
    void aStateChangeThroughTheGatewayLandsInTheAuditLog() throws Exception {
        String requestId = "devstack-it-" + UUID.randomUUID();
        send("POST", "/api/security/incidents", token("dev-sre"), requestId);

        String auditor = token("dev-auditor");
        JsonNode entry = await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode page = JSON.readTree(send("GET", "/api/security/audit/logs?resource=/api/security/incidents&limit=100",
                    auditor, null).body());
            for (JsonNode item : page.get("items")) {
                if (requestId.equals(item.get("requestId").asString())) {
                    return item;
                }
            }
            return null;
        }, found -> found != null);
        assertThat(entry.get("user").asString()).isEqualTo("dev-sre");
        assertThat(entry.get("action").asString()).isEqualTo("POST");
        assertThat(entry.get("outcome").asInt()).isIn(200, 201);
    }

    @Test
    void aRoleWithoutTheScopeIsRefused() throws Exception {
        assertThat(send("GET", "/api/security/audit/logs", token("dev-user"), null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/security/audit/logs", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void everyServiceReportsLivenessReadinessAndMetrics() throws Exception {
        Map<String, Integer> management = new LinkedHashMap<>(settings.servicePorts());
        management.put("gateway", settings.gatewayManagementPort());
        for (Map.Entry<String, Integer> service : management.entrySet()) {
            for (String path : new String[] { "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus" }) {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + service.getValue() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(service.getKey() + path).isEqualTo(200);
            }
        }
    }

    private static String token(String client) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(settings.issuerUri() + "/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + client
                    + "&client_secret=" + DevIssuer.CLIENT_SECRET))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static HttpResponse<String> send(String method, String path, String token, String requestId)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.gatewayUri() + path))
            .header("Content-Type", "application/json")
            .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{\"title\":\"devstack-it\",\"severity\":\"low\"}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void dropDatabase() throws Exception {
        String url = "jdbc:postgresql://" + env("VIGIL_DB_HOST", "127.0.0.1") + ":" + env("VIGIL_DB_PORT", "5432") + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, env("VIGIL_DB_USER", "postgres"),
                env("VIGIL_DB_PASSWORD", ""))) {
            connection.createStatement().execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return (value == null || value.isBlank()) ? fallback : value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
