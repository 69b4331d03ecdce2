package dev.vigil.health.monitor;

import java.time.Instant;

import dev.vigil.health.check.CheckDefinition;
import dev.vigil.health.check.CheckResult;
import org.jspecify.annotations.Nullable;

/**
 * A check as the monitor follows it: its last result and the runs of failures and successes that
 * open and close a breach (hysteresis: one blip opens nothing).
 */
final class Tracked {

    final CheckDefinition check;

    @Nullable CheckResult last;

    int failures;

    int successes;

    boolean breached;

    /** The first failure of the current run of failures: when the problem was detected. */
    @Nullable Instant failingSince;

    Instant nextDue;

    Tracked(CheckDefinition check, Instant nextDue) {
        this.check = check;
        this.nextDue = nextDue;
    }

    /** A result; answers what it changed about the breach. */
    synchronized Transition record(CheckResult result, int failuresToOpen, int successesToClose) {
        this.last = result;
        if (result.ok()) {
            this.failures = 0;
            this.failingSince = null;
            this.successes++;
            if (this.breached && this.successes >= successesToClose) {
                this.breached = false;
                return Transition.CLOSED;
            }
            return Transition.NONE;
        }
        this.successes = 0;
        if (this.failures++ == 0) {
            this.failingSince = result.checkedAt();
        }
        if (!this.breached && this.failures >= failuresToOpen) {
            this.breached = true;
            return Transition.OPENED;
        }
        return Transition.NONE;
    }

    /** What a result did to the breach. */
    enum Transition {
        NONE, OPENED, CLOSED
    }
}
