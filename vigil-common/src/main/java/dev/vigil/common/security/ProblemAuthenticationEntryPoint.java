package dev.vigil.common.security;

import dev.vigil.common.problem.ProblemType;
import dev.vigil.common.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/** 401 as problem details; the same answer for every path, so it tells nothing about what exists. */
public class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return Problems.write(exchange, ProblemType.UNAUTHORIZED, "A valid bearer token is required.");
    }
}
