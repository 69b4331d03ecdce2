package dev.vigil.health.check;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One run of a check: when, whether it passed, how long it took, and why not. */
public record CheckResult(String checkId, String service, String region, Instant checkedAt, boolean ok,
        long latencyMs, @Nullable String error) {
}
