package dev.vigil.health.monitor;

import dev.vigil.health.check.CheckDefinition;
import dev.vigil.health.check.CheckResult;
import org.jspecify.annotations.Nullable;

/**
 * A check and where it stands.
 *
 * @param last its latest result, null until it first ran
 * @param breached whether its failures opened a breach that its successes have not closed yet
 */
public record CheckStatus(CheckDefinition check, @Nullable CheckResult last, boolean breached) {

    /** healthy, degraded (failing, not yet a breach, or recovering from one), down (breached) or unknown. */
    public String health() {
        if (this.breached) {
            return "down";
        }
        if (this.last == null) {
            return "unknown";
        }
        return this.last.ok() ? "healthy" : "degraded";
    }
}
