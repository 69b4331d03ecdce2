package dev.vigil.common.problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.vigil.common.web.RequestIds;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/** Builds RFC 9457 problem details and writes them straight to a response, for code outside controllers. */
public final class Problems {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Problems() {
    }

    public static ProblemDetail of(ProblemType kind, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(kind.status(), detail);
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        return problem;
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
        ProblemDetail problem = of(kind, detail);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        properties.forEach(problem::setProperty);
        String requestId = RequestIds.of(exchange);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        response.setStatusCode(kind.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setCacheControl("no-store");
        DataBuffer body = response.bufferFactory().wrap(MAPPER.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }
}
