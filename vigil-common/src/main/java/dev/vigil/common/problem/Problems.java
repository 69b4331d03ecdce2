package dev.vigil.common.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.vigil.common.web.RequestIds;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/** Writes RFC 9457 problem details straight to a response; every error answer of every service goes through here. */
public final class Problems {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Problems() {
    }

    /** Writes the problem as {@code application/problem+json}, with the request id and the request path as instance. */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemType kind, @Nullable String detail) {
        return write(exchange, kind, detail, Map.of());
    }

    public static Mono<Void> write(ServerWebExchange exchange, ProblemType kind, @Nullable String detail,
            Map<String, Object> properties) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        // Written as a plain map: the fields of RFC 9457 first, then the extensions beside them.
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", kind.type().toString());
        problem.put("title", kind.title());
        problem.put("status", kind.status().value());
        if (detail != null) {
            problem.put("detail", detail);
        }
        problem.put("instance", exchange.getRequest().getPath().value());
        problem.putAll(properties);
        String requestId = RequestIds.of(exchange);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        response.setStatusCode(kind.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setCacheControl("no-store");
        DataBuffer body = response.bufferFactory().wrap(MAPPER.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }
}
