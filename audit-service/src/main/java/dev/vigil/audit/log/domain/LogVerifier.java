package dev.vigil.audit.log.domain;

import reactor.core.publisher.Mono;

/** Recomputes the log to find what was changed, removed or reordered behind its back. */
public interface LogVerifier {

    /** Checks entries {@code [from, to)}; {@code to} null means up to the end of the log. */
    Mono<Verification> verify(long from, @org.jspecify.annotations.Nullable Long to);
}
