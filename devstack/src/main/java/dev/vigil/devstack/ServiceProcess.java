package dev.vigil.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/** One Vigil service started from its module's jar as a child process, with its log in a file. */
final class ServiceProcess {

    /** Quick start over peak speed: the dev stack must be up in well under 90 s on two cores. */
    private static final String DEFAULT_JAVA_OPTS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx384m -Xss512k";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;

    private final Path jar;

    private final Path log;

    private final URI readiness;

    private final Map<String, String> environment;

    private @Nullable Process process;

    ServiceProcess(String name, Path jar, Path log, URI readiness, Map<String, String> environment) {
        this.name = name;
        this.jar = jar;
        this.log = log;
        this.readiness = readiness;
        this.environment = environment;
    }

    String name() {
        return this.name;
    }

    Path log() {
        return this.log;
    }

    void start() throws IOException {
        if (!Files.isRegularFile(this.jar)) {
            throw new DevStackException(this.jar + " is missing; build it with ./mvnw -Pquick package (./vigil up does)");
        }
        Files.createDirectories(this.log.getParent());
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        String opts = System.getenv().getOrDefault("VIGIL_JAVA_OPTS", DEFAULT_JAVA_OPTS);
        command.addAll(List.of(opts.trim().split("\\s+")));
        command.addAll(List.of("-jar", this.jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(this.log.toFile()));
        builder.environment().putAll(this.environment);
        this.process = builder.start();
    }

    /** Waits until the service reports ready, or fails with the reason when it dies or the deadline passes. */
    void awaitReady(Instant deadline) throws InterruptedException {
        Process running = this.process;
        while (Instant.now().isBefore(deadline)) {
            if (running == null || !running.isAlive()) {
                throw new DevStackException(this.name + " exited during start-up; see " + this.log);
            }
            if (isReady()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new DevStackException(this.name + " was not ready in time; see " + this.log);
    }

    private boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(this.readiness)
                .timeout(Duration.ofSeconds(2))
                .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the service to stop (SIGTERM, so it shuts down gracefully) without waiting. */
    void requestStop() {
        if (this.process != null) {
            this.process.destroy();
        }
    }

    /** Waits for a requested stop, killing the process if it outlasts the grace period. */
    void awaitStopped(Duration grace) throws InterruptedException {
        Process running = this.process;
        if (running != null && !running.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            running.destroyForcibly().waitFor();
        }
    }
}
