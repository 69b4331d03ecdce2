package dev.vigil.common.config;

import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.flags.FlagBoard;
import dev.vigil.common.flags.FlagsReader;
import dev.vigil.common.flags.SafeModeProperties;
import dev.vigil.common.flags.SafeModeWebFilter;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The system flags in every service that has Kafka: the board, the reader that keeps it current
 * from {@code vigil.flags.v1}, and, in web services, the safe-mode filter.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass({ KafkaConsumer.class, KafkaProperties.class })
@ConditionalOnProperty(name = "vigil.flags.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SafeModeProperties.class)
public class VigilFlagsAutoConfiguration {

    @Bean
    FlagBoard flagBoard() {
        return new FlagBoard();
    }

    @Bean
    FlagsReader flagsReader(KafkaProperties kafka, FlagBoard board, JsonMapper mapper) {
        return new FlagsReader(kafka.buildConsumerProperties(), board, new CloudEventCodec(mapper));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class SafeModeConfiguration {

        @Bean
        SafeModeWebFilter safeModeWebFilter(FlagBoard board, SafeModeProperties properties) {
            return new SafeModeWebFilter(board, properties);
        }
    }
}
