package dev.vigil.common.resilience;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static dev.vigil.common.resilience.DependencyGuard.Dependency.DATABASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the guard does to calls: retries what a dependency failed, never the caller's errors, and fails fast once a breaker opens. */
class DependencyGuardTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final DependencyGuard guard = new DependencyGuard(new ResilienceProperties(Map.of("database",
            new ResilienceProperties.Policy(Duration.ofMillis(200), 50, 4, Duration.ofMinutes(1), 2, Duration.ofMillis(1)))),
            this.meters);

    @Test
    void retriesARepeatableCallTheDependencyFailedThenSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<String> flaky = Mono.defer(() -> (attempts.incrementAndGet() < 3) ? Mono.error(new IOException("reset"))
                : Mono.just("ok"));
        assertThat(this.guard.repeatable(DATABASE, flaky).block()).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void neverRetriesTheCallersErrorsNorAWriteThatMustRunOnce() {
        AtomicInteger conflicts = new AtomicInteger();
        Mono<String> conflict = Mono.defer(() -> {
            conflicts.incrementAndGet();
            return Mono.error(new IllegalStateException("409"));
        });
        assertThatThrownBy(() -> this.guard.repeatable(DATABASE, conflict).block()).hasMessage("409");
        assertThat(conflicts).hasValue(1);

        AtomicInteger writes = new AtomicInteger();
        Mono<String> write = Mono.defer(() -> {
            writes.incrementAndGet();
            return Mono.error(new IOException("connection lost mid-commit"));
        });
        assertThatThrownBy(() -> this.guard.once(DATABASE, write).block()).hasRootCauseInstanceOf(IOException.class);
        assertThat(writes).hasValue(1);
    }

    @Test
    void timesOutASlowCallAndOpensTheBreakerSoTheNextFailFast() {
        Mono<String> hanging = Mono.never();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> this.guard.once(DATABASE, hanging).block()).hasCauseInstanceOf(TimeoutException.class);
        }
        assertThat(this.guard.breaker(DATABASE).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        AtomicInteger called = new AtomicInteger();
        assertThatThrownBy(() -> this.guard.repeatable(DATABASE, Mono.fromCallable(called::incrementAndGet)).block())
            .isInstanceOf(CallNotPermittedException.class);
        assertThat(called).as("an open breaker does not call the dependency").hasValue(0);
        assertThat(this.meters.find("resilience4j.circuitbreaker.state").tag("name", "database").tag("state", "open")
            .gauge().value()).isEqualTo(1);
    }
}
