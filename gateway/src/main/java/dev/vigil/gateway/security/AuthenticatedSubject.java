package dev.vigil.gateway.security;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/** The subject of the validated token, kept on the exchange for the filters that run outside the security chain. */
public final class AuthenticatedSubject {

    static final String ATTRIBUTE = AuthenticatedSubject.class.getName();

    private AuthenticatedSubject() {
    }

    public static @Nullable String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
