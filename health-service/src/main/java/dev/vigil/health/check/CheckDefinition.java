package dev.vigil.health.check;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One check.
 *
 * @param id a stable name, e.g. {@code audit-service-ready}
 * @param service the service it speaks for, e.g. {@code audit-service}
 * @param region where, {@code global} by default
 * @param expectedStatus HTTP: the status that means healthy (200 by default)
 * @param maxLatency HTTP: slower answers fail (none by default)
 * @param bodyContains HTTP: the body must contain this text (nothing by default)
 * @param minDaysLeft TLS: fewer days before the certificate expires fail (14 by default)
 * @param origin {@code config} (from configuration, restored at every start) or {@code api}
 */
public record CheckDefinition(String id, String service, String region, CheckKind kind, String target,
        Duration interval, Duration timeout, @Nullable Integer expectedStatus, @Nullable Duration maxLatency,
        @Nullable String bodyContains, @Nullable Integer minDaysLeft, String origin) {

    public int expectedStatusOrDefault() {
        return (this.expectedStatus != null) ? this.expectedStatus : 200;
    }

    public int minDaysLeftOrDefault() {
        return (this.minDaysLeft != null) ? this.minDaysLeft : 14;
    }
}
