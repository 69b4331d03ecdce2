package dev.vigil.common.flags;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.common.problem.ProblemType;
import dev.vigil.common.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * In safe mode, refuses the writes that can wait with a 503 problem naming safe mode and its
 * reason, before anything is read or written; reads, and the writes needed to handle the outage,
 * go on. A refused write was never accepted, so nothing accepted is lost.
 */
public class SafeModeWebFilter implements WebFilter, Ordered {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final FlagBoard flags;

    private final List<PathPattern> allowedWrites;

    public SafeModeWebFilter(FlagBoard flags, SafeModeProperties properties) {
        this.flags = flags;
        this.allowedWrites = properties.allowedWrites().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var safeMode = this.flags.get(FlagBoard.SAFE_MODE).filter(FlagState::enabled);
        if (safeMode.isEmpty() || READS.contains(exchange.getRequest().getMethod()) || allowed(exchange)) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set("Retry-After", "30");
        FlagState state = safeMode.get();
        return Problems.write(exchange, ProblemType.SAFE_MODE, "Safe mode is on since " + state.since() + " ("
                + state.reason() + "): this change is refused until it clears. Reads still work.",
                Map.of("safeMode", Map.of("reason", String.valueOf(state.reason()), "since", state.since().toString())));
    }

    private boolean allowed(ServerWebExchange exchange) {
        var path = exchange.getRequest().getPath().pathWithinApplication();
        return this.allowedWrites.stream().anyMatch(pattern -> pattern.matches(path));
    }

    /** After authentication (Spring Security's chain runs at -100), so only callers it admits learn of safe mode. */
    @Override
    public int getOrder() {
        return -50;
    }
}
