package dev.vigil.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.vigil.common.security.Role;
import sun.misc.Signal;
import dev.vigil.devstack.issuer.DevIssuer;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./vigil up}: a real Kafka broker in this process, PostgreSQL (found or started), the
 * dev OIDC issuer in this process, and every service as a child process; then prints where
 * everything is and "ready". Ctrl-C or SIGTERM stops it all, services first.
 */
public final class DevStack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final DevStackSettings settings;

    private final PrintStream out;

    private final LocalPostgres postgres;

    private final LocalKafka kafka = new LocalKafka();

    private final List<ServiceProcess> services = new ArrayList<>();

    private final AtomicBoolean closed = new AtomicBoolean();

    private ConfigurableApplicationContext issuer;

    DevStack(DevStackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.postgres = new LocalPostgres(settings.database());
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("vigil.home", ".")).toAbsolutePath().normalize();
        DevStack stack = new DevStack(DevStackSettings.defaults(home), System.out);
        // Ctrl-C and SIGTERM stop the services and the broker first, before the JVM's own shutdown
        // hooks run (Kafka's test kit deletes the broker's directories from one of them).
        for (String signal : new String[] { "INT", "TERM" }) {
            Signal.handle(new Signal(signal), received -> {
                stack.closeQuietly();
                System.exit(0);
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::closeQuietly, "devstack-shutdown"));
        try {
            stack.start();
        }
        catch (DevStackException ex) {
            System.err.println("vigil: " + ex.getMessage());
            stack.closeQuietly();
            System.exit(2);
        }
        Thread.currentThread().join();
    }

    void start() throws Exception {
        Instant began = Instant.now();
        Path work = this.settings.workDir();
        say("DEVELOPMENT ONLY: dev OIDC issuer with fixed secrets, in-process Kafka; never use this in production.");
        say(this.postgres.ensure(work.resolve("postgres")));
        String bootstrap = this.kafka.start();
        say("Kafka (KRaft, in process) on " + bootstrap);
        this.issuer = DevIssuer.start(this.settings.issuerPort(), this.settings.issuerUri());
        say("dev OIDC issuer on " + this.settings.issuerUri());

        Map<String, String> common = new LinkedHashMap<>();
        common.put("VIGIL_KAFKA_BOOTSTRAP", bootstrap);
        common.put("VIGIL_DB_HOST", this.postgres.host());
        common.put("VIGIL_DB_PORT", String.valueOf(this.postgres.port()));
        common.put("VIGIL_DB_USER", this.postgres.user());
        common.put("VIGIL_DB_PASSWORD", this.postgres.password());
        common.put("VIGIL_DB_NAME", this.postgres.database());
        common.put("VIGIL_ISSUER_URI", this.settings.issuerUri());
        this.settings.servicePorts().forEach((name, port) -> addService(name, port, port, common));
        Map<String, String> gateway = new LinkedHashMap<>(common);
        gateway.put("MANAGEMENT_PORT", String.valueOf(this.settings.gatewayManagementPort()));
        this.settings.servicePorts()
            .forEach((name, port) -> gateway.put("VIGIL_" + name.replace("-service", "").toUpperCase() + "_URI",
                    "http://localhost:" + port));
        addService("gateway", this.settings.gatewayPort(), this.settings.gatewayManagementPort(), gateway);

        for (ServiceProcess service : this.services) {
            service.start();
        }
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        for (ServiceProcess service : this.services) {
            service.awaitReady(deadline);
            say(service.name() + " ready (log: " + this.settings.home().relativize(service.log().toAbsolutePath()) + ")");
        }
        printSummary(Duration.between(began, Instant.now()));
    }

    private void addService(String name, int port, int managementPort, Map<String, String> common) {
        Map<String, String> environment = new LinkedHashMap<>(common);
        environment.put("PORT", String.valueOf(port));
        Path home = this.settings.home();
        this.services.add(new ServiceProcess(name, home.resolve(name).resolve("target").resolve(name + ".jar"),
                this.settings.workDir().resolve("logs").resolve(name + ".log"),
                URI.create("http://localhost:" + managementPort + "/actuator/health/readiness"), environment));
    }

    private void printSummary(Duration took) {
        say("");
        say("Gateway:     " + this.settings.gatewayUri() + "  (e.g. GET /api/security/audit/logs)");
        say("Issuer:      " + this.settings.issuerUri() + "  (token endpoint: POST /oauth2/token)");
        this.settings.servicePorts().forEach((name, port) -> say(String.format("%-17s http://localhost:%d", name + ":", port)));
        say("Clients (client-credentials grant, secret '" + DevIssuer.CLIENT_SECRET + "'):");
        for (Role role : Role.values()) {
            say(String.format("  dev-%-8s %s", role.id(), String.join(" ", role.scopes())));
        }
        say("Users (console login, password '" + DevIssuer.USER_PASSWORD + "'): admin, sre, auditor, user");
        say("Try:  TOKEN=$(curl -s -u dev-admin:" + DevIssuer.CLIENT_SECRET + " -d grant_type=client_credentials "
                + this.settings.issuerUri() + "/oauth2/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')");
        say("      curl -H \"Authorization: Bearer $TOKEN\" " + this.settings.gatewayUri() + "/api/security/audit/logs");
        say("ready in " + took.toSeconds() + " s (Ctrl-C stops everything)");
    }

    private void say(String line) {
        this.out.println(line);
        this.out.flush();
    }

    @Override
    public void close() throws Exception {
        if (!this.closed.compareAndSet(false, true)) {
            return;
        }
        say("stopping ...");
        for (ServiceProcess service : this.services.reversed()) {
            service.requestStop();
        }
        for (ServiceProcess service : this.services) {
            service.awaitStopped(Duration.ofSeconds(25));
        }
        if (this.issuer != null) {
            this.issuer.close();
        }
        this.kafka.close();
        this.postgres.close();
    }

    private void closeQuietly() {
        try {
            close();
        }
        catch (Exception ex) {
            System.err.println("vigil: while stopping: " + ex);
        }
    }
}
