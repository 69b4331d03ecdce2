package dev.vigil.common.watchdog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the watchdog. A reading over a {@code degraded} limit for {@code degradedAfter}
 * consecutive samples takes the instance out of rotation (readiness); over a {@code down} limit
 * for {@code downAfter} samples gets it restarted (liveness).
 *
 * @param interval time between samples
 * @param lagDegraded event-loop lag that counts as a breach
 * @param lagDown event-loop lag that counts toward a restart
 * @param heapDegraded share of the maximum heap in use after which a sample is a breach
 * @param heapDown share of the heap that counts toward a restart
 * @param degradedAfter consecutive breaching samples before the instance reports degraded
 * @param downAfter consecutive samples over a down limit before it reports down
 * @param databaseTimeout how long {@code select 1} may take
 */
@ConfigurationProperties("vigil.watchdog")
public record WatchdogProperties(@DefaultValue("1s") Duration interval, @DefaultValue("250ms") Duration lagDegraded,
        @DefaultValue("5s") Duration lagDown, @DefaultValue("0.90") double heapDegraded,
        @DefaultValue("0.98") double heapDown, @DefaultValue("10") int degradedAfter, @DefaultValue("60") int downAfter,
        @DefaultValue("2s") Duration databaseTimeout) {
}
