package dev.vigil.gateway.security;

import dev.vigil.common.security.TrustedHeaders;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the service who is calling: drops any {@code X-Vigil-Subject} the caller sent and sets
 * it from the validated token, so a service can trust it.
 */
@Component
class TrustedSubjectGlobalFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String subject = AuthenticatedSubject.of(exchange);
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(TrustedHeaders.SUBJECT);
            if (subject != null) {
                headers.set(TrustedHeaders.SUBJECT, subject);
            }
        }).build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
