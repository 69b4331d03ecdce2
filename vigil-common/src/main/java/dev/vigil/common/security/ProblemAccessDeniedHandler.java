package dev.vigil.common.security;

import dev.vigil.common.problem.ProblemType;
import dev.vigil.common.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/** 403 as problem details; the same answer for every path, so it tells nothing about what exists. */
public class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return Problems.write(exchange, ProblemType.FORBIDDEN, "The token does not grant access to this resource.");
    }
}
