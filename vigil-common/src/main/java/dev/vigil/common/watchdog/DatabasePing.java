package dev.vigil.common.watchdog;

import reactor.core.publisher.Mono;

/** Asks the service's database for a sign of life ({@code select 1}); errors when there is none. */
@FunctionalInterface
public interface DatabasePing {

    Mono<Void> ping();
}
