package dev.vigil.common.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Puts the browser security headers on every response, 2xx to 5xx, just before it is
 * committed, overriding whatever an upstream service sent. HSTS is sent on plain HTTP too:
 * TLS ends at the ingress in front of us, and browsers ignore it over HTTP anyway.
 */
public class SecurityHeadersWebFilter implements WebFilter, Ordered {

    public static final int ORDER = RequestIdWebFilter.ORDER + 1;

    private final SecurityHeadersProperties properties;

    public SecurityHeadersWebFilter(SecurityHeadersProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", this.properties.contentSecurityPolicy());
            headers.set("Strict-Transport-Security", this.properties.strictTransportSecurity());
            headers.set("X-Frame-Options", "DENY");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", this.properties.referrerPolicy());
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
