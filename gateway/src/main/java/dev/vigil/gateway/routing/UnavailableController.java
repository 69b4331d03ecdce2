package dev.vigil.gateway.routing;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import dev.vigil.common.problem.ProblemType;
import dev.vigil.common.problem.Problems;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a circuit breaker sends a request its service could not take: a fast problem answer
 * instead of a hang. Reached only by the gateway's internal forward, never from outside
 * (the security rules deny every path that no route declares).
 */
@RestController
class UnavailableController {

    static final String FALLBACK_URI = "forward:/__vigil/unavailable";

    private static final Logger log = LoggerFactory.getLogger(UnavailableController.class);

    @RequestMapping("/__vigil/unavailable")
    Mono<Void> unavailable(ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (!(cause instanceof CallNotPermittedException)) {
            log.warn("Route {} failed: {}", exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) instanceof Route route
                    ? route.getId() : "?", String.valueOf(cause));
        }
        // The problem names the path the caller asked for, not this internal forward.
        Map<String, Object> instance = Map.of("instance", originalPath(exchange));
        if (cause instanceof TimeoutException) {
            return Problems.write(exchange, ProblemType.GATEWAY_TIMEOUT, "The service did not answer in time.", instance);
        }
        String detail = (cause instanceof CallNotPermittedException)
                ? "The service is failing; calls to it are paused for a moment."
                : "The service is not reachable.";
        exchange.getResponse().getHeaders().set("Retry-After", "10");
        return Problems.write(exchange, ProblemType.SERVICE_UNAVAILABLE, detail, instance);
    }

    private static String originalPath(ServerWebExchange exchange) {
        Set<URI> original = exchange.getAttributeOrDefault(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR,
                Set.of());
        return original.stream().findFirst().map(URI::getPath).orElse(exchange.getRequest().getPath().value());
    }
}
