package dev.vigil.common.web;

import dev.vigil.common.events.Ids;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an id, sends it back on the response, forwards it to whatever the
 * request calls next (the gateway's routes), and puts it in the Reactor context so log lines
 * carry it. A caller's id is kept only when it is short and plain, so it cannot forge log lines.
 */
public class RequestIdWebFilter implements WebFilter, Ordered {

    /** Runs first, so even a rejected request has an id. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER);
        String requestId = RequestIds.isSane(given) ? given : Ids.newId().toString();
        exchange.getAttributes().put(RequestIds.KEY, requestId);
        // Set just before commit, so a proxied response that carries its own copy still has one.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
            return Mono.empty();
        });
        ServerHttpRequest request = exchange.getRequest()
            .mutate()
            .headers(headers -> headers.set(RequestIds.HEADER, requestId))
            .build();
        return chain.filter(exchange.mutate().request(request).build())
            .contextWrite(context -> context.put(RequestIds.KEY, requestId));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
