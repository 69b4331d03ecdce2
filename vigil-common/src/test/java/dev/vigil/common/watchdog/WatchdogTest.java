package dev.vigil.common.watchdog;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The watchdog's judgement over time: a sustained breach degrades, a long one goes down, recovery clears. */
class WatchdogTest {

    @Test
    void aSustainedHeapBreachDegradesAndALongerOneGoesDown() {
        WatchdogProperties limits = new WatchdogProperties(Duration.ofMillis(50), Duration.ofSeconds(1),
                Duration.ofSeconds(5), 0.000001, 0.000002, 3, 10, Duration.ofSeconds(1));
        Watchdog watchdog = new Watchdog(limits, () -> Mono.error(new IllegalStateException("no database")),
                new SimpleMeterRegistry());
        watchdog.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> watchdog.state() == Watchdog.State.DEGRADED
                    || watchdog.state() == Watchdog.State.DOWN);
            await().atMost(Duration.ofSeconds(5)).until(() -> watchdog.state() == Watchdog.State.DOWN);
            assertThat(watchdog.heapUsed()).isPositive();
            assertThat(watchdog.databaseUp()).isFalse();
            assertThat(watchdog.why()).contains("heap");
        }
        finally {
            watchdog.stop();
        }
    }
}
