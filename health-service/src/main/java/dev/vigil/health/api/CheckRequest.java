package dev.vigil.health.api;

import java.time.Duration;

import dev.vigil.health.check.CheckDefinition;
import dev.vigil.health.check.CheckKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A check to create or replace. Durations are ISO-8601 ({@code PT30S}).
 *
 * @param id lower case letters, digits and dashes
 */
record CheckRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String id,
        @NotBlank @Size(max = 100) String service, @Nullable @Size(max = 100) String region, @NotNull CheckKind kind,
        @NotBlank @Size(max = 2000) String target, @Nullable Duration interval, @Nullable Duration timeout,
        @Nullable @Min(100) @Max(599) Integer expectedStatus, @Nullable Duration maxLatency,
        @Nullable @Size(max = 500) String bodyContains, @Nullable @Min(0) @Max(3650) Integer minDaysLeft) {

    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

    CheckDefinition toDefinition(String id) {
        Duration every = (this.interval != null) ? this.interval : Duration.ofSeconds(30);
        Duration within = (this.timeout != null) ? this.timeout : Duration.ofSeconds(5);
        if (every.compareTo(MIN_INTERVAL) < 0 || within.compareTo(MIN_TIMEOUT) < 0 || within.compareTo(every) > 0) {
            throw new IllegalArgumentException("interval must be at least PT1S, timeout at least PT0.1S and at most the interval");
        }
        return new CheckDefinition(id, this.service, (this.region != null) ? this.region : "global", this.kind,
                this.target, every, within, this.expectedStatus, this.maxLatency, this.bodyContains, this.minDaysLeft,
                "api");
    }
}
