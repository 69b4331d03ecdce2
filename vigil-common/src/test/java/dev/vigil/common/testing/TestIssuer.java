package dev.vigil.common.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A real JWKS endpoint over HTTP and the tokens it vouches for, so tests exercise the same
 * signature, issuer and expiry checks as production without running an authorization server.
 */
public final class TestIssuer implements AutoCloseable {

    private final RSAKey key;

    private final HttpServer server;

    public TestIssuer() {
        try {
            this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (JOSEException | IOException ex) {
            throw new IllegalStateException(ex);
        }
        byte[] jwks = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        this.server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        this.server.start();
    }

    public String issuerUri() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    public String jwksUri() {
        return issuerUri() + "/oauth2/jwks";
    }

    /** Spring properties that make a resource server trust this issuer. */
    public Map<String, String> springProperties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUri(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwksUri());
    }

    /** A valid token for {@code subject} with the given scopes. */
    public String token(String subject, String... scopes) {
        return sign(claims(subject, scopes).build(), this.key);
    }

    /** A token that has expired. */
    public String expiredToken(String subject, String... scopes) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(claims(subject, scopes).issueTime(Date.from(past))
            .expirationTime(Date.from(past.plusSeconds(60)))
            .build(), this.key);
    }

    /** A well-formed token signed by a key this issuer never published. */
    public String forgedToken(String subject, String... scopes) {
        try {
            return sign(claims(subject, scopes).build(), new RSAKeyGenerator(2048).keyID(this.key.getKeyID()).generate());
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private JWTClaimsSet.Builder claims(String subject, String... scopes) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuerUri())
            .subject(subject)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
            .claim("scope", List.of(scopes));
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        this.server.stop(0);
    }
}
