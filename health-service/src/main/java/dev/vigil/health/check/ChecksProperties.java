package dev.vigil.health.check;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Checks from configuration ({@code vigil.health.checks}), and how results are judged and kept.
 *
 * @param checks checks that exist from the start (every Vigil service's, see application.yml)
 * @param failuresToOpen consecutive failures that open a breach
 * @param successesToClose consecutive successes that close it
 * @param retention how long results are kept
 * @param safeModeCheck the check of Vigil's own database: its breach raises {@code safe_mode}
 */
@ConfigurationProperties("vigil.health")
public record ChecksProperties(@DefaultValue List<Configured> checks, @DefaultValue("3") int failuresToOpen,
        @DefaultValue("2") int successesToClose, @DefaultValue("P30D") Duration retention,
        @DefaultValue("vigil-database") String safeModeCheck) {

    /** A check as configured; unset fields take the defaults. */
    public record Configured(String id, String service, @DefaultValue("global") String region, CheckKind kind,
            String target, @DefaultValue("10s") Duration interval, @DefaultValue("2s") Duration timeout,
            @Nullable Integer expectedStatus, @Nullable Duration maxLatency, @Nullable String bodyContains,
            @Nullable Integer minDaysLeft) {

        public CheckDefinition toDefinition() {
            return new CheckDefinition(this.id, this.service, this.region, this.kind, this.target, this.interval,
                    this.timeout, this.expectedStatus, this.maxLatency, this.bodyContains, this.minDaysLeft, "config");
        }
    }
}
