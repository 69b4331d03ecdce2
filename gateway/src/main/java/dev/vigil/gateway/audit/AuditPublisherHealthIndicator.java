package dev.vigil.gateway.audit;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * DEGRADED while the audit buffer is nearly full or has dropped an event in the last five
 * minutes. It is not part of readiness: the gateway keeps serving, and operators are told.
 */
class AuditPublisherHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED");

    private static final Duration RECENT = Duration.ofMinutes(5);

    private final AuditPublisher publisher;

    AuditPublisherHealthIndicator(AuditPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Health health() {
        int buffered = this.publisher.buffered();
        boolean nearlyFull = buffered >= this.publisher.capacity() * 0.9;
        Health.Builder health = (nearlyFull || this.publisher.droppedWithin(RECENT)) ? Health.status(DEGRADED)
                : Health.up();
        return health.withDetail("buffered", buffered)
            .withDetail("capacity", this.publisher.capacity())
            .withDetail("dropped", (long) this.publisher.droppedTotal())
            .build();
    }
}
