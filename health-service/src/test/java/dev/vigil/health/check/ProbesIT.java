package dev.vigil.health.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.common.testing.TestPostgres;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of check against a real target that passes and one that fails, and why it failed. */
@EmbeddedKafka(partitions = 1)
class ProbesIT {

    private final Probes probes = new Probes(ConnectionFactories.get(TestPostgres.r2dbcUrl("public")
        .replace("r2dbc:postgresql://", "r2dbc:postgresql://" + TestPostgres.USER + "@")));

    private HttpServer http;

    @AfterEach
    void stop() {
        if (this.http != null) {
            this.http.stop(0);
        }
    }

    @Test
    void http() throws IOException {
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.http.createContext("/ok", exchange -> answer(exchange, 200, "all good", 0));
        this.http.createContext("/down", exchange -> answer(exchange, 503, "no", 0));
        this.http.createContext("/slow", exchange -> answer(exchange, 200, "all good", 400));
        this.http.start();
        String base = "http://127.0.0.1:" + this.http.getAddress().getPort();

        assertThat(run(check(CheckKind.HTTP, base + "/ok", null, null, "good", null)).ok()).isTrue();
        assertThat(run(check(CheckKind.HTTP, base + "/ok", null, null, "excellent", null)).error())
            .isEqualTo("body lacks \"excellent\"");
        assertThat(run(check(CheckKind.HTTP, base + "/down", null, null, null, null)).error())
            .isEqualTo("status 503, expected 200");
        assertThat(run(check(CheckKind.HTTP, base + "/down", 503, null, null, null)).ok()).isTrue();
        assertThat(run(check(CheckKind.HTTP, base + "/slow", null, Duration.ofMillis(100), null, null)).error())
            .contains("over the 100 ms bound");
        assertThat(run(check(CheckKind.HTTP, base + "/slow", null, null, null, null, Duration.ofMillis(150))).error())
            .isEqualTo("no answer within 150 ms");
    }

    @Test
    void tcp() throws IOException {
        int closed;
        try (ServerSocket open = new ServerSocket(0)) {
            assertThat(run(check(CheckKind.TCP, "127.0.0.1:" + open.getLocalPort(), null, null, null, null)).ok()).isTrue();
            closed = open.getLocalPort();
        }
        assertThat(run(check(CheckKind.TCP, "127.0.0.1:" + closed, null, null, null, null)).error())
            .contains("Connection refused");
    }

    @Test
    void postgres() {
        assertThat(run(check(CheckKind.POSTGRES, Probes.OWN_DATABASE, null, null, null, null)).ok()).isTrue();
        String url = "r2dbc:postgresql://" + TestPostgres.USER + "@" + TestPostgres.HOST + ":" + TestPostgres.PORT + "/"
                + TestPostgres.DATABASE;
        assertThat(run(check(CheckKind.POSTGRES, url, null, null, null, null)).ok()).isTrue();
        assertThat(run(check(CheckKind.POSTGRES, url.replace(":" + TestPostgres.PORT + "/", ":1/"), null, null, null,
                null)).ok()).isFalse();
    }

    @Test
    void kafka(EmbeddedKafkaBroker broker) {
        assertThat(run(check(CheckKind.KAFKA, broker.getBrokersAsString(), null, null, null, null)).ok()).isTrue();
        CheckResult unreachable = run(check(CheckKind.KAFKA, "127.0.0.1:1", null, null, null, null));
        assertThat(unreachable.ok()).isFalse();
    }

    @Test
    void tlsCertificateExpiry(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "tls", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "5",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "secret").inheritIO().start();
        assertThat(keytool.waitFor()).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "secret".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "secret".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0)) {
            Thread.ofVirtual().start(() -> serve(server));
            String target = "127.0.0.1:" + server.getLocalPort();
            assertThat(run(check(CheckKind.TLS, target, null, null, null, 3)).ok()).isTrue();
            assertThat(run(check(CheckKind.TLS, target, null, null, null, null)).error())
                .startsWith("the certificate expires in 4 days");
        }
    }

    private CheckResult run(CheckDefinition check) {
        return this.probes.run(check).block(Duration.ofSeconds(30));
    }

    private static CheckDefinition check(CheckKind kind, String target, Integer status, Duration maxLatency,
            String body, Integer minDays) {
        return check(kind, target, status, maxLatency, body, minDays, Duration.ofSeconds(5));
    }

    private static CheckDefinition check(CheckKind kind, String target, Integer status, Duration maxLatency,
            String body, Integer minDays, Duration timeout) {
        return new CheckDefinition("probe-it", "it", "global", kind, target, Duration.ofMinutes(1), timeout, status,
                maxLatency, body, minDays, "api");
    }

    private static void answer(HttpExchange exchange, int status, String body, long delay)
            throws IOException {
        try {
            Thread.sleep(delay);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void serve(SSLServerSocket server) {
        while (!server.isClosed()) {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.startHandshake();
            }
            catch (IOException ex) {
                // the check closes after the handshake; the next one connects anew
            }
        }
    }
}
