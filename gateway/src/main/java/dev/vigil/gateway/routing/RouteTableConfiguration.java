package dev.vigil.gateway.routing;

import java.net.URI;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Builds the gateway's routes from the route table, each behind its service's circuit breaker and time limit. */
@Configuration(proxyBeanMethods = false)
class RouteTableConfiguration {

    @Bean
    RouteLocator vigilRoutes(RouteLocatorBuilder builder, GatewayRoutesProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (RouteSpec spec : properties.routes()) {
            URI target = properties.services().get(spec.service());
            if (target == null) {
                throw new IllegalStateException("route " + spec.id() + " names unknown service " + spec.service());
            }
            routes.route(spec.id(), route -> route.path(spec.path())
                .and()
                .method(spec.methods().toArray(HttpMethod[]::new))
                .filters(filters -> filters.circuitBreaker(breaker -> breaker.setName(spec.service())
                    .setFallbackUri(UnavailableController.FALLBACK_URI)))
                .uri(target));
        }
        return routes.build();
    }

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(GatewayRoutesProperties properties) {
        GatewayRoutesProperties.CircuitBreakerSpec spec = properties.circuitBreaker();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
            .circuitBreakerConfig(CircuitBreakerConfig.custom()
                .failureRateThreshold(spec.failureRateThreshold())
                .slidingWindowSize(spec.slidingWindowSize())
                .minimumNumberOfCalls(spec.minimumCalls())
                .waitDurationInOpenState(spec.waitInOpenState())
                .build())
            .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.timeout()).build())
            .build());
    }
}
