package dev.vigil.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.vigil.common.security.Scopes;
import dev.vigil.common.testing.StubService;
import dev.vigil.gateway.routing.RouteSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Walks every route of the table: no token → 401, a token without the scope → 403, the scope → the service. */
class RouteMatrixIT extends GatewayTestSupport {

    @TestFactory
    Stream<DynamicTest> everyRouteEnforcesItsScope() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RouteSpec route : this.routes.routes()) {
            for (HttpMethod method : route.methods()) {
                String path = route.path().replaceAll("\\{[a-z]+}", "0190f8a4-6b3c-7d2e-9a41-3c2b1d0e5f67");
                String name = method + " " + path;
                if (route.access() == RouteSpec.Access.SIGNATURE) {
                    tests.add(DynamicTest.dynamicTest(name + " reaches the service without a token",
                            () -> assertReaches(route, method, path, null)));
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(name + " without a token is 401",
                        () -> assertProblem(method, path, null, 401)));
                tests.add(DynamicTest.dynamicTest(name + " without " + route.scope() + " is 403",
                        () -> assertProblem(method, path, issuer.token("mallory", allScopesBut(route.scope())), 403)));
                tests.add(DynamicTest.dynamicTest(name + " with " + route.scope() + " reaches " + route.service(),
                        () -> assertReaches(route, method, path, issuer.token("alice", route.scope()))));
            }
        }
        return tests.stream();
    }

    @Test
    void deniesAPathNoRouteDeclaresTheSameWayItDeniesARealOne() {
        assertProblem(HttpMethod.GET, "/api/security/secrets", null, 401);
        assertProblem(HttpMethod.GET, "/api/security/secrets", issuer.token("root", Scopes.ALL.toArray(String[]::new)), 403);
        assertProblem(HttpMethod.DELETE, "/api/security/incidents", issuer.token("root", Scopes.ALL.toArray(String[]::new)), 403);
    }

    @Test
    void alertmanagersStaticTokenAdmitsItToItsRouteAndNowhereElse() {
        this.client.post().uri("/api/security/alertmanager").header(HttpHeaders.AUTHORIZATION, "Bearer " + ALERTMANAGER_TOKEN)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk();
        assertThat(services.get("incident-service").received().getLast().subject()).isEqualTo("static-token:alertmanager");
        assertProblem(HttpMethod.POST, "/api/security/alertmanager", ALERTMANAGER_TOKEN + "x", 401);
        assertProblem(HttpMethod.POST, "/api/security/alertmanager", ALERTMANAGER_TOKEN.substring(1), 401);
        assertProblem(HttpMethod.POST, "/api/security/incidents", ALERTMANAGER_TOKEN, 401);
        assertProblem(HttpMethod.GET, "/api/security/incidents", ALERTMANAGER_TOKEN, 401);
    }

    @Test
    void rejectsExpiredForgedAndMalformedTokens() {
        assertProblem(HttpMethod.GET, "/api/security/health", issuer.expiredToken("alice", Scopes.HEALTH_READ), 401);
        assertProblem(HttpMethod.GET, "/api/security/health", issuer.forgedToken("alice", Scopes.HEALTH_READ), 401);
        assertProblem(HttpMethod.GET, "/api/security/health", "not-a-jwt", 401);
    }

    @Test
    void replacesASubjectHeaderTheCallerMadeUp() {
        this.client.get()
            .uri("/api/security/health")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.token("alice", Scopes.HEALTH_READ))
            .header("X-Vigil-Subject", "admin")
            .exchange()
            .expectStatus()
            .isOk();
        assertThat(services.get("health-service").received().getLast().subject()).isEqualTo("alice");
    }

    private void assertProblem(HttpMethod method, String path, String token, int status) {
        var request = this.client.method(method).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        request.exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(status)
            .jsonPath("$.type")
            .isEqualTo(status == 401 ? "https://vigil.dev/problems/unauthorized" : "https://vigil.dev/problems/forbidden");
    }

    private void assertReaches(RouteSpec route, HttpMethod method, String path, String token) {
        StubService service = services.get(route.service());
        int before = service.received().size();
        var request = this.client.method(method).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        request.exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.service").isEqualTo(route.service());
        StubService.Received received = service.received().get(before);
        assertThat(received.method()).isEqualTo(method.name());
        assertThat(received.path()).isEqualTo(path);
        assertThat(received.subject()).isEqualTo(token == null ? null : "alice");
    }

    private static String[] allScopesBut(String scope) {
        return Scopes.ALL.stream().filter(s -> !s.equals(scope)).toArray(String[]::new);
    }
}
