package dev.vigil.common.config;

import dev.vigil.common.watchdog.DatabasePing;
import dev.vigil.common.watchdog.R2dbcDatabasePing;
import dev.vigil.common.watchdog.Watchdog;
import dev.vigil.common.watchdog.WatchdogHealthIndicators;
import dev.vigil.common.watchdog.WatchdogProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The watchdog in every reactive Vigil service, exposed as the {@code watchdogReadiness} and
 * {@code watchdogLiveness} health indicators (members of the probe groups, see
 * vigil-defaults.properties) and as {@code vigil_watchdog_*} metrics.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(WatchdogProperties.class)
public class VigilWatchdogAutoConfiguration {

    @Bean
    Watchdog watchdog(WatchdogProperties properties, ObjectProvider<DatabasePing> database, MeterRegistry meters) {
        return new Watchdog(properties, database.getIfAvailable(), meters);
    }

    /** Services with a database also watch it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ConnectionFactory.class)
    static class DatabaseWatch {

        @Bean
        @ConditionalOnBean(ConnectionFactory.class)
        DatabasePing databasePing(ConnectionFactory database) {
            return new R2dbcDatabasePing(database);
        }
    }

    @Bean
    HealthIndicator watchdogReadiness(Watchdog watchdog) {
        return WatchdogHealthIndicators.readiness(watchdog);
    }

    @Bean
    HealthIndicator watchdogLiveness(Watchdog watchdog) {
        return WatchdogHealthIndicators.liveness(watchdog);
    }
}
