package dev.vigil.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopRunTest {

    @Test
    void sendsExactlyTheOfferedRequestsAndCountsFailures() throws Exception {
        AtomicInteger served = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            int n = served.incrementAndGet();
            exchange.sendResponseHeaders((n % 10 == 0) ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x");
            OpenLoopRun.Result result = new OpenLoopRun(HttpClient.newHttpClient())
                .run(new Target("stub", uri, Map.of()), 200, Duration.ofSeconds(1));

            assertThat(served.get()).isEqualTo(200);
            assertThat(result.ok()).isEqualTo(180);
            assertThat(result.failed()).isEqualTo(20);
            assertThat(result.errors()).containsExactly(Map.entry("503", 20L));
            assertThat(result.latency().getTotalCount()).isEqualTo(200);
        }
        finally {
            server.stop(0);
        }
    }
}
