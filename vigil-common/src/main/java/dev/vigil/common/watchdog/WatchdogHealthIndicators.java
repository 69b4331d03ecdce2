package dev.vigil.common.watchdog;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The watchdog as health: one indicator for the readiness group, one for liveness. */
public final class WatchdogHealthIndicators {

    private WatchdogHealthIndicators() {
    }

    /** OUT_OF_SERVICE while degraded or down: Kubernetes stops sending this instance traffic. */
    public static HealthIndicator readiness(Watchdog watchdog) {
        return () -> details(watchdog, (watchdog.state() == Watchdog.State.OK) ? Health.up() : Health.outOfService());
    }

    /** DOWN once past the down limits: Kubernetes restarts this instance. */
    public static HealthIndicator liveness(Watchdog watchdog) {
        return () -> details(watchdog, (watchdog.state() == Watchdog.State.DOWN) ? Health.down() : Health.up());
    }

    private static Health details(Watchdog watchdog, Health.Builder health) {
        return health.withDetail("state", watchdog.state().name())
            .withDetail("eventLoopLagMs", watchdog.eventLoopLag().toMillis())
            .withDetail("heapUsed", Math.round(watchdog.heapUsed() * 1000) / 1000.0)
            .withDetail("databaseUp", watchdog.databaseUp())
            .build();
    }
}
