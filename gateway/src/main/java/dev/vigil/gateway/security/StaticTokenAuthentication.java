package dev.vigil.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

import dev.vigil.common.security.Scopes;
import dev.vigil.gateway.routing.RouteSpec;
import reactor.core.publisher.Mono;

import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Bearer tokens for the routes that declare a {@code static-token}, for callers that cannot get a
 * JWT: on such a route the configured token (compared in constant time) admits the caller with
 * the route's scope, under the subject {@code static-token:<route id>}. Every other bearer token,
 * and every token on other routes, goes to the JWT check.
 */
final class StaticTokenAuthentication implements ReactiveAuthenticationManagerResolver<ServerWebExchange> {

    private record TokenRoute(RouteSpec route, PathPattern pattern) {
    }

    private final List<TokenRoute> routes;

    private final ReactiveAuthenticationManager jwt;

    StaticTokenAuthentication(List<RouteSpec> routes, ReactiveAuthenticationManager jwt) {
        this.routes = routes.stream()
            .filter(RouteSpec::hasStaticToken)
            .map(route -> new TokenRoute(route, PathPatternParser.defaultInstance.parse(route.path())))
            .toList();
        this.jwt = jwt;
    }

    @Override
    public Mono<ReactiveAuthenticationManager> resolve(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        return Mono.just(this.routes.stream()
            .filter(candidate -> candidate.route().methods().contains(exchange.getRequest().getMethod())
                    && candidate.pattern().matches(path))
            .findFirst()
            .<ReactiveAuthenticationManager>map(match -> authentication -> admit(match.route(), authentication))
            .orElse(this.jwt));
    }

    private Mono<Authentication> admit(RouteSpec route, Authentication authentication) {
        if (authentication instanceof BearerTokenAuthenticationToken bearer && matches(bearer.getToken(), route)) {
            return Mono.just(new StaticToken(route));
        }
        return this.jwt.authenticate(authentication);
    }

    private static boolean matches(String presented, RouteSpec route) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                Objects.requireNonNull(route.staticToken()).getBytes(StandardCharsets.UTF_8));
    }

    /** A caller admitted by a route's static token. */
    static final class StaticToken extends AbstractAuthenticationToken {

        private final String subject;

        StaticToken(RouteSpec route) {
            super(AuthorityUtils.createAuthorityList(Scopes.authority(Objects.requireNonNull(route.scope()))));
            this.subject = "static-token:" + route.id();
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return this.subject;
        }

        @Override
        public String getName() {
            return this.subject;
        }
    }
}
