package dev.vigil.common.config;

import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.outbox.OutboxProperties;
import dev.vigil.common.outbox.OutboxRelay;
import dev.vigil.common.outbox.OutboxWriter;
import dev.vigil.common.outbox.ProcessedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The transactional outbox and the idempotent-consumer guard, in every service that has a database and Kafka. */
@AutoConfiguration(afterName = { "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" },
        after = VigilWebAutoConfiguration.class)
@ConditionalOnClass({ ConnectionFactory.class, KafkaTemplate.class, DatabaseClient.class })
@ConditionalOnBean({ ConnectionFactory.class, KafkaTemplate.class, ReactiveTransactionManager.class })
@EnableConfigurationProperties(OutboxProperties.class)
public class VigilOutboxAutoConfiguration {

    @Bean
    TransactionalOperator vigilTransactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    @Bean
    OutboxWriter outboxWriter(DatabaseClient db, CloudEventCodec codec) {
        return new OutboxWriter(db, codec);
    }

    @Bean
    OutboxRelay outboxRelay(DatabaseClient db, TransactionalOperator vigilTransactionalOperator,
            KafkaTemplate<String, String> kafka, OutboxProperties properties, MeterRegistry meters) {
        return new OutboxRelay(db, vigilTransactionalOperator, kafka, properties, meters);
    }

    @Bean
    ProcessedEvents processedEvents(DatabaseClient db, TransactionalOperator vigilTransactionalOperator) {
        return new ProcessedEvents(db, vigilTransactionalOperator);
    }
}
