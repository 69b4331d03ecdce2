package dev.vigil.common.config;

import dev.vigil.common.events.MalformedEventException;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How every Vigil consumer handles a failing event: retried with exponential backoff for as
 * long as it takes (a database outage must delay events, never lose them), except an event
 * that cannot be read, which no retry would fix.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(DefaultErrorHandler.class)
public class VigilKafkaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CommonErrorHandler vigilKafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setJitter(100);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }
}
