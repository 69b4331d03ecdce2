package dev.vigil.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's route table and how it protects the services behind it.
 *
 * @param services base URI of each service, by name
 * @param routes every route the gateway serves; a path no route names is denied
 * @param timeout how long a service may take to answer before the caller gets a 504 problem
 * @param circuitBreaker when a service's breaker opens and how long it stays open
 */
@Validated
@ConfigurationProperties("vigil.gateway")
public record GatewayRoutesProperties(@NotEmpty Map<String, URI> services, @NotEmpty @Valid List<RouteSpec> routes,
        @DefaultValue("10s") Duration timeout, @DefaultValue @Valid CircuitBreakerSpec circuitBreaker) {

    /**
     * Circuit breaker settings, one breaker per service.
     *
     * @param failureRateThreshold percentage of failed calls that opens the breaker
     * @param slidingWindowSize calls the failure rate is computed over
     * @param minimumCalls calls needed before the rate is computed at all
     * @param waitInOpenState how long an open breaker answers 503 at once before it lets a trial call through
     */
    public record CircuitBreakerSpec(@DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumCalls,
            @DefaultValue("10s") Duration waitInOpenState) {
    }
}
