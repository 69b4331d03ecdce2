package dev.vigil.health.check;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import dev.vigil.common.watchdog.R2dbcDatabasePing;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Runs a check once: probes its target with its timeout and says how it went. A probe never
 * fails: every error, including the timeout, is a failed result with the error as its reason.
 */
@Component
public class Probes {

    /**
     * A TLS check reads the certificate's expiry whoever issued it (an internal CA, a self-signed
     * certificate): whether clients trust it is their configuration's business, not this check's.
     */
    private static final SSLSocketFactory EXPIRY_ONLY = expiryOnly();

    /** The target of a postgres check that means Vigil's own database, reached through this service's pool. */
    public static final String OWN_DATABASE = "vigil";

    private final WebClient http;

    private final ConnectionFactory ownDatabase;

    private final Clock clock = Clock.systemUTC();

    Probes(ConnectionFactory ownDatabase) {
        this.http = WebClient.create();
        this.ownDatabase = ownDatabase;
    }

    public Mono<CheckResult> run(CheckDefinition check) {
        Instant started = this.clock.instant();
        long start = System.nanoTime();
        return probe(check)
            .timeout(check.timeout())
            .then(Mono.fromSupplier(() -> result(check, started, start, null)))
            .onErrorResume(error -> Mono.just(result(check, started, start, reason(error, check.timeout()))));
    }

    private static CheckResult result(CheckDefinition check, Instant started, long start, @Nullable String error) {
        long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (error == null && check.maxLatency() != null && latency > check.maxLatency().toMillis()) {
            error = "took " + latency + " ms, over the " + check.maxLatency().toMillis() + " ms bound";
        }
        return new CheckResult(check.id(), check.service(), check.region(), started, error == null, latency, error);
    }

    private static String reason(Throwable error, Duration timeout) {
        if (error instanceof ProbeFailure) {
            return error.getMessage();
        }
        if (error instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        String message = error.getMessage();
        return error.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
    }

    private Mono<Void> probe(CheckDefinition check) {
        return switch (check.kind()) {
            case HTTP -> http(check);
            case TCP -> blocking(() -> tcp(check));
            case POSTGRES -> postgres(check.target().equals(OWN_DATABASE) ? this.ownDatabase : factory(check));
            case KAFKA -> blocking(() -> kafka(check));
            case TLS -> blocking(() -> tls(check));
        };
    }

    private Mono<Void> http(CheckDefinition check) {
        return this.http.get().uri(URI.create(check.target())).exchangeToMono(response -> response.bodyToMono(String.class)
            .defaultIfEmpty("")
            .flatMap(body -> {
                if (response.statusCode().value() != check.expectedStatusOrDefault()) {
                    return Mono.error(new ProbeFailure("status " + response.statusCode().value() + ", expected "
                            + check.expectedStatusOrDefault()));
                }
                if (check.bodyContains() != null && !body.contains(check.bodyContains())) {
                    return Mono.error(new ProbeFailure("body lacks \"" + check.bodyContains() + "\""));
                }
                return Mono.empty();
            }));
    }

    private static void tcp(CheckDefinition check) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address(check.target()), (int) check.timeout().toMillis());
        }
    }

    private static ConnectionFactory factory(CheckDefinition check) {
        return ConnectionFactories.get(ConnectionFactoryOptions.parse(check.target())
            .mutate()
            .option(ConnectionFactoryOptions.CONNECT_TIMEOUT, check.timeout())
            .build());
    }

    private static Mono<Void> postgres(ConnectionFactory factory) {
        return new R2dbcDatabasePing(factory).ping();
    }

    private static void kafka(CheckDefinition check) throws Exception {
        int timeout = (int) check.timeout().toMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, check.target(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                timeout))) {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeout))
                .nodes()
                .get(timeout, TimeUnit.MILLISECONDS)
                .size();
            if (brokers == 0) {
                throw new ProbeFailure("the cluster has no brokers");
            }
        }
    }

    private void tls(CheckDefinition check) throws IOException {
        InetSocketAddress address = address(check.target());
        try (Socket plain = new Socket()) {
            plain.connect(address, (int) check.timeout().toMillis());
            plain.setSoTimeout((int) check.timeout().toMillis());
            try (SSLSocket socket = (SSLSocket) EXPIRY_ONLY.createSocket(plain, address.getHostString(),
                    address.getPort(), true)) {
                socket.startHandshake();
                X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                long daysLeft = Duration.between(this.clock.instant(), certificate.getNotAfter().toInstant()).toDays();
                if (daysLeft < check.minDaysLeftOrDefault()) {
                    throw new ProbeFailure("the certificate expires in " + daysLeft + " days (at "
                            + certificate.getNotAfter().toInstant() + "), under " + check.minDaysLeftOrDefault());
                }
            }
        }
    }

    private static SSLSocketFactory expiryOnly() {
        X509TrustManager acceptAll = new X509TrustManager() {

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { acceptAll }, null);
            return context.getSocketFactory();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("no TLS in this JDK", ex);
        }
    }

    private static InetSocketAddress address(String target) {
        int colon = target.lastIndexOf(':');
        if (colon < 1) {
            throw new ProbeFailure("target must be host:port");
        }
        return new InetSocketAddress(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
    }

    private static Mono<Void> blocking(BlockingProbe probe) {
        return Mono.<Void>fromCallable(() -> {
            probe.run();
            return null;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @FunctionalInterface
    private interface BlockingProbe {

        void run() throws Exception;
    }

    /** A probe that reached its target and did not like the answer. */
    static final class ProbeFailure extends RuntimeException {

        ProbeFailure(String message) {
            super(message);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
