package dev.vigil.health.monitor;

import java.time.Duration;
import java.time.Instant;

import dev.vigil.health.check.CheckDefinition;
import dev.vigil.health.check.CheckKind;
import dev.vigil.health.check.CheckResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hysteresis: three failures in a row open a breach, two successes in a row close it, a blip does nothing. */
class TrackedTest {

    private final Tracked check = new Tracked(new CheckDefinition("db", "postgresql", "global", CheckKind.TCP,
            "127.0.0.1:5432", Duration.ofSeconds(1), Duration.ofSeconds(1), null, null, null, null, "config"),
            Instant.now());

    private int second;

    @Test
    void oneBlipOpensNothing() {
        assertThat(run(false)).isEqualTo(Tracked.Transition.NONE);
        assertThat(run(false)).isEqualTo(Tracked.Transition.NONE);
        assertThat(run(true)).isEqualTo(Tracked.Transition.NONE);
        assertThat(run(false)).isEqualTo(Tracked.Transition.NONE);
        assertThat(this.check.breached).isFalse();
    }

    @Test
    void threeFailuresOpenAndTwoSuccessesClose() {
        run(false);
        Instant firstFailure = this.check.failingSince;
        run(false);
        assertThat(run(false)).isEqualTo(Tracked.Transition.OPENED);
        assertThat(this.check.failingSince).as("detected at the first failure").isEqualTo(firstFailure);
        assertThat(run(false)).as("a breach opens once").isEqualTo(Tracked.Transition.NONE);
        assertThat(run(true)).isEqualTo(Tracked.Transition.NONE);
        assertThat(run(false)).as("a single success does not close it").isEqualTo(Tracked.Transition.NONE);
        assertThat(run(true)).isEqualTo(Tracked.Transition.NONE);
        assertThat(run(true)).isEqualTo(Tracked.Transition.CLOSED);
        assertThat(this.check.breached).isFalse();
    }

    private Tracked.Transition run(boolean ok) {
        CheckResult result = new CheckResult("db", "postgresql", "global", Instant.parse("2026-11-23T12:00:00Z")
            .plusSeconds(this.second++), ok, 3, ok ? null : "Connection refused");
        return this.check.record(result, 3, 2);
    }
}
