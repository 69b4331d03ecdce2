package dev.vigil.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.vigil.common.testing.StubService;
import dev.vigil.common.testing.TcpProxy;
import dev.vigil.common.testing.TestIssuer;
import dev.vigil.gateway.routing.GatewayRoutesProperties;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One running gateway for every gateway test: real HTTP in front, a real JWKS issuer, a stub
 * HTTP server per service behind it, and a real Kafka broker for its audit events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.server.port=0", "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "vigil.gateway.circuit-breaker.minimum-calls=100", "vigil.gateway.timeout=2s",
                "VIGIL_ALERTMANAGER_TOKEN=" + GatewayTestSupport.ALERTMANAGER_TOKEN })
@EmbeddedKafka(partitions = 1, topics = "vigil.audit.v1")
abstract class GatewayTestSupport {

    static final String ALERTMANAGER_TOKEN = "alertmanager-test-token-0123456789abcdef";

    static final TestIssuer issuer = new TestIssuer();

    static final Map<String, StubService> services = new ConcurrentHashMap<>();

    /** The rbac service is reached through a link the tests can cut, to see the gateway answer for a dead service. */
    static final TcpProxy rbacLink;

    static {
        for (String name : new String[] { "health-service", "incident-service", "audit-service", "findings-service",
                "rbac-service" }) {
            services.put(name, new StubService(name));
        }
        String rbac = services.get("rbac-service").uri();
        rbacLink = new TcpProxy(TcpProxy.freePort(), Integer.parseInt(rbac.substring(rbac.lastIndexOf(':') + 1)));
    }

    @LocalServerPort
    int port;

    @Autowired
    GatewayRoutesProperties routes;

    WebTestClient client;

    @DynamicPropertySource
    static void wire(DynamicPropertyRegistry registry) {
        issuer.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        services.forEach((name, stub) -> registry.add("vigil.gateway.services." + name, stub::uri));
        registry.add("vigil.gateway.services.rbac-service", () -> "http://127.0.0.1:" + rbacLink.port());
    }

    @BeforeEach
    void client() throws IOException {
        rbacLink.up();
        this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
        services.values().forEach(stub -> {
            stub.answerWith(200);
            stub.answerAfter(Duration.ZERO);
        });
    }
}
