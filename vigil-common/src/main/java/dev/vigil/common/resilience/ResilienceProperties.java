package dev.vigil.common.resilience;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How calls to each dependency are guarded ({@code vigil.resilience.<dependency>.*}); the
 * defaults are in vigil-defaults.properties.
 *
 * @param dependencies by name: {@code database}, {@code kafka}, {@code http}
 */
@ConfigurationProperties("vigil.resilience")
public record ResilienceProperties(@DefaultValue Map<String, Policy> dependencies) {

    /**
     * @param timeout how long one attempt may take
     * @param failureRateThreshold percent of failed calls (in the last {@code window}) that opens the breaker
     * @param window how many recent calls the failure rate is taken over
     * @param waitInOpen how long an open breaker refuses calls before it lets a few through
     * @param retries further attempts of a call that is safe to repeat
     * @param backoff the wait before the first retry; it doubles each time, with jitter
     */
    public record Policy(@DefaultValue("5s") Duration timeout, @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int window, @DefaultValue("10s") Duration waitInOpen, @DefaultValue("2") int retries,
            @DefaultValue("100ms") Duration backoff) {
    }
}
