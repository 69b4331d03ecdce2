package dev.vigil.common.config;

import dev.vigil.common.resilience.DependencyGuard;
import dev.vigil.common.resilience.ResilienceProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The dependency guard, with the policies of {@code vigil.resilience.*}, in every service that has metrics. */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(ResilienceProperties.class)
public class VigilResilienceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DependencyGuard dependencyGuard(ResilienceProperties properties, MeterRegistry meters) {
        return new DependencyGuard(properties, meters);
    }
}
