package dev.vigil.gateway.audit;

import dev.vigil.common.events.CloudEventCodec;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class RequestAuditConfiguration {

    @Bean
    AuditPublisher auditPublisher(KafkaTemplate<String, String> kafka, CloudEventCodec codec,
            RequestAuditProperties properties, MeterRegistry meters) {
        return new AuditPublisher(kafka, codec, properties, meters);
    }

    @Bean
    RequestAuditWebFilter requestAuditWebFilter(AuditPublisher publisher, RequestAuditProperties properties) {
        return new RequestAuditWebFilter(publisher, properties);
    }

    @Bean
    AuditPublisherHealthIndicator auditPublisherHealthIndicator(AuditPublisher publisher) {
        return new AuditPublisherHealthIndicator(publisher);
    }
}
