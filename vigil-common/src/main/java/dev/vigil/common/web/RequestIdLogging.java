package dev.vigil.common.web;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;

/**
 * Lets the request id travel from the Reactor context into the logging MDC on whatever
 * thread a reactive pipeline continues, with Reactor's automatic context propagation.
 */
public final class RequestIdLogging {

    private RequestIdLogging() {
    }

    public static void register() {
        ContextRegistry.getInstance()
            .registerThreadLocalAccessor(RequestIds.KEY, () -> MDC.get(RequestIds.KEY),
                    value -> MDC.put(RequestIds.KEY, value), () -> MDC.remove(RequestIds.KEY));
    }
}
