package dev.vigil.gateway;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import dev.vigil.common.security.Scopes;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What every answer carries, 2xx to 5xx: security headers, a request id, problem details for errors. */
class EdgeBehaviourIT extends GatewayTestSupport {

    private static final List<String> SECURITY_HEADERS = List.of("Content-Security-Policy",
            "Strict-Transport-Security", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy");

    @Test
    void successCarriesSecurityHeadersAndARequestId() {
        assertEdgeHeaders(get("/api/security/health", Scopes.HEALTH_READ).expectStatus().isOk());
    }

    @Test
    void clientErrorsCarrySecurityHeadersAndARequestId() {
        assertEdgeHeaders(this.client.get().uri("/api/security/health").exchange().expectStatus().isUnauthorized());
        assertEdgeHeaders(get("/api/security/health", Scopes.AUDIT_READ).expectStatus().isForbidden());
    }

    @Test
    void serviceErrorsCarrySecurityHeadersAndARequestId() {
        services.get("health-service").answerWith(500);
        assertEdgeHeaders(get("/api/security/health", Scopes.HEALTH_READ).expectStatus().isEqualTo(500));
    }

    @Test
    void aServiceThatIsDownGetsAFast503Problem() throws Exception {
        rbacLink.down();
        WebTestClient.ResponseSpec response = this.client.mutate()
            .responseTimeout(Duration.ofSeconds(5))
            .build()
            .post()
            .uri("/api/security/rbac/assign")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.token("root", Scopes.RBAC_ADMIN))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertEdgeHeaders(response);
        response.expectBody()
            .jsonPath("$.type")
            .isEqualTo("https://vigil.dev/problems/service-unavailable")
            .jsonPath("$.instance")
            .isEqualTo("/api/security/rbac/assign");
    }

    @Test
    void aServiceThatHangsGetsA504ProblemAtTheTimeLimit() {
        services.get("findings-service").answerAfter(Duration.ofSeconds(8));
        WebTestClient.ResponseSpec response = this.client.mutate()
            .responseTimeout(Duration.ofSeconds(6))
            .build()
            .get()
            .uri("/api/security/findings")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.token("alice", Scopes.FINDINGS_READ))
            .exchange()
            .expectStatus()
            .isEqualTo(504);
        assertEdgeHeaders(response);
        response.expectBody()
            .jsonPath("$.type")
            .isEqualTo("https://vigil.dev/problems/gateway-timeout")
            .jsonPath("$.instance")
            .isEqualTo("/api/security/findings");
    }

    @Test
    void keepsASaneRequestIdAndForwardsIt() {
        get("/api/security/health", Scopes.HEALTH_READ, headers -> headers.set("X-Request-Id", "ci-run-42.step-7"))
            .expectHeader()
            .valueEquals("X-Request-Id", "ci-run-42.step-7");
        assertThat(services.get("health-service").received().getLast().requestId()).isEqualTo("ci-run-42.step-7");
    }

    @Test
    void replacesARequestIdThatCouldForgeLogLines() {
        String forged = "x\r\nlevel=ERROR forged";
        String given = get("/api/security/health", Scopes.HEALTH_READ,
                headers -> headers.set("X-Request-Id", forged.replace("\r\n", " ")))
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Request-Id");
        assertThat(given).isNotBlank().doesNotContain(" ");
        assertThat(services.get("health-service").received().getLast().requestId()).isEqualTo(given);
    }

    @Test
    void propagatesW3cTraceContext() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        get("/api/security/health", Scopes.HEALTH_READ,
                headers -> headers.set("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"))
            .expectStatus()
            .isOk();
        assertThat(services.get("health-service").received().getLast().traceparent()).startsWith("00-" + traceId + "-");
    }

    private WebTestClient.ResponseSpec get(String path, String scope) {
        return get(path, scope, headers -> {
        });
    }

    private WebTestClient.ResponseSpec get(String path, String scope, Consumer<HttpHeaders> extra) {
        return this.client.get()
            .uri(path)
            .headers(headers -> {
                headers.setBearerAuth(issuer.token("alice", scope));
                extra.accept(headers);
            })
            .exchange();
    }

    private static void assertEdgeHeaders(WebTestClient.ResponseSpec response) {
        response.expectHeader().valueMatches("X-Request-Id", "[A-Za-z0-9._:-]{1,128}");
        response.expectHeader().valueEquals("X-Frame-Options", "DENY");
        response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
        for (String header : SECURITY_HEADERS) {
            response.expectHeader().exists(header);
        }
    }
}
