package dev.vigil.health.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.health.monitor.CheckStatus;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/security/health}: every service in every region, and the platform overall, each
 * at the worst of what its checks say (unknown, before a first run, < healthy < degraded < down).
 */
record HealthReport(String status, Instant generatedAt, List<ServiceHealth> services) {

    private static final List<String> ORDER = List.of("unknown", "healthy", "degraded", "down");

    /** One service in one region: its checks, their worst status, the slowest latency and the latest error. */
    record ServiceHealth(String service, String region, String status, @Nullable Long latencyMs,
            @Nullable String lastError, @Nullable Instant checkedAt, List<CheckView> checks) {
    }

    record CheckView(String id, String kind, String status, boolean breached, @Nullable Long latencyMs,
            @Nullable String error, @Nullable Instant checkedAt) {
    }

    static HealthReport of(List<CheckStatus> statuses) {
        Map<String, List<CheckStatus>> byService = new LinkedHashMap<>();
        statuses.stream()
            .sorted(Comparator.comparing((CheckStatus s) -> s.check().service()).thenComparing(s -> s.check().region()))
            .forEach(status -> byService.computeIfAbsent(status.check().service() + "\n" + status.check().region(),
                    key -> new ArrayList<>()).add(status));
        List<ServiceHealth> services = byService.values().stream().map(HealthReport::service).toList();
        String overall = services.stream().map(ServiceHealth::status).reduce("unknown", HealthReport::worse);
        return new HealthReport(overall, Instant.now(), services);
    }

    private static ServiceHealth service(List<CheckStatus> checks) {
        CheckStatus first = checks.getFirst();
        String status = checks.stream().map(CheckStatus::health).reduce("unknown", HealthReport::worse);
        Long latency = checks.stream().filter(c -> c.last() != null).map(c -> c.last().latencyMs())
            .max(Long::compare).orElse(null);
        CheckStatus latestError = checks.stream().filter(c -> c.last() != null && c.last().error() != null)
            .max(Comparator.comparing(c -> c.last().checkedAt())).orElse(null);
        Instant checkedAt = checks.stream().filter(c -> c.last() != null).map(c -> c.last().checkedAt())
            .max(Comparator.naturalOrder()).orElse(null);
        return new ServiceHealth(first.check().service(), first.check().region(), status, latency,
                (latestError != null) ? latestError.last().error() : null, checkedAt,
                checks.stream().map(HealthReport::view).toList());
    }

    private static CheckView view(CheckStatus status) {
        return new CheckView(status.check().id(), status.check().kind().wire(), status.health(), status.breached(),
                (status.last() != null) ? status.last().latencyMs() : null,
                (status.last() != null) ? status.last().error() : null,
                (status.last() != null) ? status.last().checkedAt() : null);
    }

    private static String worse(String a, String b) {
        return (ORDER.indexOf(a) >= ORDER.indexOf(b)) ? a : b;
    }
}
