package dev.vigil.common.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox relay publishes to Kafka.
 *
 * @param enabled whether this instance relays its service's outbox
 * @param pollInterval how long the relay waits before looking again once the outbox is empty
 * @param batchSize most events published in one transaction
 * @param sendTimeout how long a batch may wait for Kafka's acknowledgements before it is retried
 * @param maxBackoff the longest wait between retries while Kafka is unreachable
 */
@Validated
@ConfigurationProperties("vigil.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("500") @Min(1) int batchSize, @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("30s") Duration maxBackoff) {
}
