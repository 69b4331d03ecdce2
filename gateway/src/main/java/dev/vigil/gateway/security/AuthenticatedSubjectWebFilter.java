package dev.vigil.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/** Records the authenticated subject on the exchange, where the audit filter and the routes can read it. */
class AuthenticatedSubjectWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
            .map(SecurityContext::getAuthentication)
            .filter(authentication -> authentication != null && authentication.isAuthenticated()
                    && !(authentication instanceof AnonymousAuthenticationToken))
            .doOnNext(authentication -> exchange.getAttributes()
                .put(AuthenticatedSubject.ATTRIBUTE, authentication.getName()))
            .then(chain.filter(exchange));
    }
}
