package dev.vigil.gateway.audit;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.common.events.AuditRecorded;
import dev.vigil.common.web.RequestIds;
import dev.vigil.gateway.security.AuthenticatedSubject;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Audits every request that changes state or touches an admin path, whatever its outcome,
 * denied ones included. It wraps the security chain, so it sees 401s and 403s too, and reads
 * the subject that the chain recorded on the exchange.
 */
class RequestAuditWebFilter implements WebFilter, Ordered {

    /** Outside Spring Security's chain (-100), inside the request-id and header filters. */
    static final int ORDER = -200;

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final AuditPublisher publisher;

    private final List<PathPattern> adminPaths;

    RequestAuditWebFilter(AuditPublisher publisher, RequestAuditProperties properties) {
        this.publisher = publisher;
        this.adminPaths = properties.adminPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isAudited(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).doFinally(signal -> this.publisher.publish(record(exchange)));
    }

    private boolean isAudited(ServerHttpRequest request) {
        return !READS.contains(request.getMethod())
                || this.adminPaths.stream().anyMatch(pattern -> pattern.matches(request.getPath().pathWithinApplication()));
    }

    private static AuditRecorded record(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        InetSocketAddress remote = request.getRemoteAddress();
        return new AuditRecorded(AuthenticatedSubject.of(exchange),
                (remote != null) ? remote.getAddress().getHostAddress() : null,
                request.getHeaders().getFirst(HttpHeaders.USER_AGENT), request.getMethod().name(),
                request.getPath().value(), (status != null) ? status.value() : 200,
                Map.of("via", "gateway"), RequestIds.of(exchange));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
