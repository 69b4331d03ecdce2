package dev.vigil.common.web;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/** The request id every exchange carries: the caller's {@code X-Request-Id} when it is sane, a fresh one otherwise. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    /** Exchange attribute and Reactor context key; also the MDC key in log lines. */
    public static final String KEY = "requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static boolean isSane(@Nullable String candidate) {
        return candidate != null && SANE.matcher(candidate).matches();
    }

    public static @Nullable String of(ServerWebExchange exchange) {
        return exchange.getAttribute(KEY);
    }
}
