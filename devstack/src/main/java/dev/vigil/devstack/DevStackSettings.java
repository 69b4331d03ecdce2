package dev.vigil.devstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the dev stack runs: the checkout, and the port of each part.
 *
 * @param home the repository checkout, whose modules' jars are started
 * @param workDir where logs and an embedded PostgreSQL's data go
 * @param database the PostgreSQL database the services use
 * @param issuerPort the dev OIDC issuer
 * @param gatewayPort the gateway's public port
 * @param gatewayManagementPort the gateway's actuator port
 * @param servicePorts the port of each service behind the gateway, by module name
 */
record DevStackSettings(Path home, Path workDir, String database, int issuerPort, int gatewayPort, int gatewayManagementPort,
        Map<String, Integer> servicePorts) {

    /** The documented local ports: gateway 8080, issuer 9000, services 8081–8085; database {@code VIGIL_DB_NAME}, else vigil. */
    static DevStackSettings defaults(Path home) {
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("health-service", 8081);
        services.put("incident-service", 8082);
        services.put("audit-service", 8083);
        services.put("findings-service", 8084);
        services.put("rbac-service", 8085);
        String database = System.getenv().getOrDefault("VIGIL_DB_NAME", "vigil");
        return new DevStackSettings(home, home.resolve(".devstack"), database, 9000, 8080, 8090, services);
    }

    String issuerUri() {
        return "http://localhost:" + this.issuerPort;
    }

    String gatewayUri() {
        return "http://localhost:" + this.gatewayPort;
    }
}
