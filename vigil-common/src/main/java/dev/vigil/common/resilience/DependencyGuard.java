package dev.vigil.common.resilience;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The guard every call to a dependency passes: a timeout per attempt, the dependency's circuit
 * breaker (so a dead dependency is failed fast instead of waited on), and, for calls that are safe
 * to repeat, retries with exponential backoff and jitter. Policies come from
 * {@code vigil.resilience.*}; breakers and retries show as {@code resilience4j_*} metrics.
 */
public class DependencyGuard {

    /** What a call depends on. */
    public enum Dependency {
        DATABASE, KAFKA, HTTP;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final ResilienceProperties properties;

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

    private final RetryRegistry retries = RetryRegistry.ofDefaults();

    private final Map<Dependency, Guard> guards = new ConcurrentHashMap<>();

    public DependencyGuard(ResilienceProperties properties, MeterRegistry meters) {
        this.properties = properties;
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(this.breakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(this.retries).bindTo(meters);
    }

    private record Guard(Duration timeout, CircuitBreaker breaker, Retry retry) {
    }

    /** A read, or any call that may safely run twice: timeout, breaker, retries. */
    public <T> Mono<T> repeatable(Dependency dependency, Mono<T> call) {
        Guard guard = guard(dependency);
        return call.timeout(guard.timeout())
            .transformDeferred(CircuitBreakerOperator.of(guard.breaker()))
            .transformDeferred(RetryOperator.of(guard.retry()));
    }

    /** As {@link #repeatable(Dependency, Mono)}, for many results. */
    public <T> Flux<T> repeatable(Dependency dependency, Flux<T> call) {
        Guard guard = guard(dependency);
        return call.timeout(guard.timeout())
            .transformDeferred(CircuitBreakerOperator.of(guard.breaker()))
            .transformDeferred(RetryOperator.of(guard.retry()));
    }

    /** A call that must not run twice (a write whose outcome is unknown after a failure): timeout and breaker only. */
    public <T> Mono<T> once(Dependency dependency, Mono<T> call) {
        Guard guard = guard(dependency);
        return call.timeout(guard.timeout()).transformDeferred(CircuitBreakerOperator.of(guard.breaker()));
    }

    public CircuitBreaker breaker(Dependency dependency) {
        return guard(dependency).breaker();
    }

    private Guard guard(Dependency dependency) {
        return this.guards.computeIfAbsent(dependency, this::create);
    }

    private Guard create(Dependency dependency) {
        ResilienceProperties.Policy policy = this.properties.dependencies()
            .getOrDefault(dependency.key(), new ResilienceProperties.Policy(Duration.ofSeconds(5), 50, 20,
                    Duration.ofSeconds(10), 2, Duration.ofMillis(100)));
        CircuitBreaker breaker = this.breakers.circuitBreaker(dependency.key(), CircuitBreakerConfig.custom()
            .failureRateThreshold(policy.failureRateThreshold())
            .slidingWindowSize(policy.window())
            .minimumNumberOfCalls(policy.window())
            .waitDurationInOpenState(policy.waitInOpen())
            .permittedNumberOfCallsInHalfOpenState(3)
            .recordException(DependencyFailures::is)
            .build());
        Retry retry = this.retries.retry(dependency.key(), RetryConfig.custom()
            .maxAttempts(policy.retries() + 1)
            .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(policy.backoff(), 2.0, 0.5))
            // Not when the breaker is open (the dependency is known to be down) nor for the caller's errors.
            .retryOnException(error -> !(error instanceof CallNotPermittedException) && DependencyFailures.is(error))
            .build());
        return new Guard(policy.timeout(), breaker, retry);
    }
}
