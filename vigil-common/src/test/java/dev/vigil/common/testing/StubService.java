package dev.vigil.common.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for a downstream service: it answers every request 200 with
 * a JSON body naming itself, or with a status the test sets, and remembers what it received.
 */
public final class StubService implements AutoCloseable {

    private final String name;

    private final HttpServer server;

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private volatile int status = 200;

    private volatile Duration delay = Duration.ZERO;

    public StubService(String name) {
        this.name = name;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        this.server.createContext("/", exchange -> {
            this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Vigil-Subject"),
                    exchange.getRequestHeaders().getFirst("X-Request-Id"),
                    exchange.getRequestHeaders().getFirst("traceparent")));
            sleep(this.delay);
            byte[] body = ("{\"service\":\"" + this.name + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(this.status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        // One virtual thread per request, so a delayed answer does not hold up the others.
        this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        this.server.start();
    }

    public String uri() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    public void answerWith(int status) {
        this.status = status;
    }

    /** Makes every answer wait this long first, like an overloaded service. */
    public void answerAfter(Duration delay) {
        this.delay = delay;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    public List<Received> received() {
        return List.copyOf(this.received);
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

    /** One request as the service saw it. */
    public record Received(String method, String path, String subject, String requestId, String traceparent) {
    }
}
