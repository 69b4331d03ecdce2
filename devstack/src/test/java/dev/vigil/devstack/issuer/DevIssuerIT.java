package dev.vigil.devstack.issuer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.vigil.common.security.Role;
import dev.vigil.common.security.Scopes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev issuer over real HTTP: the client-credentials tokens each dev client gets. */
class DevIssuerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext issuer;

    private static String issuerUri;

    @BeforeAll
    static void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        issuerUri = "http://localhost:" + port;
        issuer = DevIssuer.start(port, issuerUri);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void everyRoleClientGetsExactlyItsRolesScopes() throws Exception {
        for (Role role : Role.values()) {
            HttpResponse<String> response = token("dev-" + role.id(), "dev-secret", "grant_type=client_credentials");

            assertThat(response.statusCode()).as(role.id()).isEqualTo(200);
            JsonNode claims = claims(JSON.readTree(response.body()).get("access_token").asString());
            assertThat(claims.get("iss").asString()).isEqualTo(issuerUri);
            assertThat(claims.get("sub").asString()).isEqualTo("dev-" + role.id());
            assertThat(scopes(claims)).as(role.id()).containsExactlyInAnyOrderElementsOf(role.scopes());
        }
    }

    @Test
    void aClientMayAskForFewerScopesButNotForMore() throws Exception {
        HttpResponse<String> narrowed = token("dev-sre", "dev-secret", "grant_type=client_credentials&scope=health:read");
        assertThat(scopes(claims(JSON.readTree(narrowed.body()).get("access_token").asString())))
            .containsExactly(Scopes.HEALTH_READ);

        HttpResponse<String> widened = token("dev-user", "dev-secret", "grant_type=client_credentials&scope=rbac:admin");
        assertThat(widened.statusCode()).isEqualTo(400);
        assertThat(widened.body()).contains("invalid_scope");
    }

    @Test
    void refusesAWrongSecret() throws Exception {
        assertThat(token("dev-admin", "guess", "grant_type=client_credentials").statusCode()).isEqualTo(401);
    }

    @Test
    void publishesOpenIdDiscoveryAndItsKeys() throws Exception {
        HttpResponse<String> discovery = HTTP.send(
                HttpRequest.newBuilder(URI.create(issuerUri + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode document = JSON.readTree(discovery.body());
        assertThat(document.get("issuer").asString()).isEqualTo(issuerUri);
        assertThat(document.get("token_endpoint").asString()).isEqualTo(issuerUri + "/oauth2/token");

        HttpResponse<String> keys = HTTP.send(HttpRequest.newBuilder(URI.create(document.get("jwks_uri").asString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(keys.body()).get("keys")).isNotEmpty();
    }

    private static HttpResponse<String> token(String client, String secret, String form) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(issuerUri + "/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static List<String> scopes(JsonNode claims) {
        return claims.get("scope").valueStream().map(JsonNode::asString).toList();
    }
}
