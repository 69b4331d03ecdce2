package dev.vigil.health.check;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.common.resilience.DependencyGuard;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import static dev.vigil.common.resilience.DependencyGuard.Dependency.DATABASE;

/**
 * Check definitions in table {@code checks}, results in {@code health_checks}. Saving a definition
 * (an upsert) and deleting are repeatable; inserting results is not (the monitor re-buffers them).
 */
@Repository
public class CheckStore {

    private static final String COLUMNS = "id, service, region, kind, target, interval_ms, timeout_ms, expected_status, "
            + "max_latency_ms, body_contains, min_days_left, origin";

    private final DatabaseClient db;

    private final DependencyGuard guard;

    CheckStore(DatabaseClient db, DependencyGuard guard) {
        this.db = db;
        this.guard = guard;
    }

    public Flux<CheckDefinition> all() {
        return this.guard.repeatable(DATABASE,
                this.db.sql("select " + COLUMNS + " from checks order by id").map(CheckStore::definition).all());
    }

    /** Creates or replaces the check with its id. */
    public Mono<Void> save(CheckDefinition check) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", check.id());
        values.put("service", check.service());
        values.put("region", check.region());
        values.put("kind", check.kind().wire());
        values.put("target", check.target());
        values.put("interval", check.interval().toMillis());
        values.put("timeout", check.timeout().toMillis());
        values.put("status", (check.expectedStatus() != null) ? check.expectedStatus() : Parameters.in(Integer.class));
        values.put("latency", (check.maxLatency() != null) ? check.maxLatency().toMillis() : Parameters.in(Long.class));
        values.put("body", (check.bodyContains() != null) ? check.bodyContains() : Parameters.in(String.class));
        values.put("days", (check.minDaysLeft() != null) ? check.minDaysLeft() : Parameters.in(Integer.class));
        values.put("origin", check.origin());
        return this.db.sql("insert into checks (" + COLUMNS + ") values (:id, :service, :region, :kind, :target, "
                + ":interval, :timeout, :status, :latency, :body, :days, :origin) on conflict (id) do update set "
                + "service = excluded.service, region = excluded.region, kind = excluded.kind, target = excluded.target, "
                + "interval_ms = excluded.interval_ms, timeout_ms = excluded.timeout_ms, "
                + "expected_status = excluded.expected_status, max_latency_ms = excluded.max_latency_ms, "
                + "body_contains = excluded.body_contains, min_days_left = excluded.min_days_left, "
                + "origin = excluded.origin, updated_at = now()")
            .bindValues(values)
            .then()
            .transform(save -> this.guard.repeatable(DATABASE, save));
    }

    /** Whether there was such a check. */
    public Mono<Boolean> delete(String id) {
        return this.guard.repeatable(DATABASE,
                this.db.sql("delete from checks where id = :id").bind("id", id).fetch().rowsUpdated().map(n -> n > 0));
    }

    /** Stores results in one statement. */
    public Mono<Void> record(List<CheckResult> results) {
        if (results.isEmpty()) {
            return Mono.empty();
        }
        StringBuilder sql = new StringBuilder(
                "insert into health_checks (check_id, service, region, checked_at, ok, latency_ms, error) values ");
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            CheckResult result = results.get(i);
            sql.append(i > 0 ? "," : "").append("(:c").append(i).append(",:s").append(i).append(",:r").append(i)
                .append(",:t").append(i).append(",:o").append(i).append(",:l").append(i).append(",:e").append(i).append(')');
            values.put("c" + i, result.checkId());
            values.put("s" + i, result.service());
            values.put("r" + i, result.region());
            values.put("t" + i, result.checkedAt().atOffset(ZoneOffset.UTC));
            values.put("o" + i, result.ok());
            values.put("l" + i, result.latencyMs());
            values.put("e" + i, (result.error() != null) ? result.error() : Parameters.in(String.class));
        }
        return this.guard.once(DATABASE, this.db.sql(sql.toString()).bindValues(values).then());
    }

    /** A check's results, newest first. */
    public Flux<CheckResult> history(String checkId, @Nullable Instant from, @Nullable Instant to, int limit) {
        return this.db.sql("select check_id, service, region, checked_at, ok, latency_ms, error from health_checks "
                + "where check_id = :id and checked_at >= :from and checked_at < :to order by checked_at desc limit :limit")
            .bind("id", checkId)
            .bind("from", ((from != null) ? from : Instant.EPOCH).atOffset(ZoneOffset.UTC))
            .bind("to", ((to != null) ? to : Instant.now().plus(Duration.ofDays(1))).atOffset(ZoneOffset.UTC))
            .bind("limit", limit)
            .map(row -> new CheckResult(row.get("check_id", String.class), row.get("service", String.class),
                    row.get("region", String.class), row.get("checked_at", OffsetDateTime.class).toInstant(),
                    Boolean.TRUE.equals(row.get("ok", Boolean.class)), row.get("latency_ms", Long.class),
                    row.get("error", String.class)))
            .all()
            .transform(history -> this.guard.repeatable(DATABASE, history));
    }

    /** Deletes results older than {@code cutoff}; how many. */
    public Mono<Long> prune(Instant cutoff) {
        return this.db.sql("delete from health_checks where checked_at < :cutoff")
            .bind("cutoff", cutoff.atOffset(ZoneOffset.UTC))
            .fetch()
            .rowsUpdated()
            .transform(prune -> this.guard.repeatable(DATABASE, prune));
    }

    private static CheckDefinition definition(Readable row) {
        Long latency = row.get("max_latency_ms", Long.class);
        return new CheckDefinition(row.get("id", String.class), row.get("service", String.class),
                row.get("region", String.class), CheckKind.of(row.get("kind", String.class)),
                row.get("target", String.class), Duration.ofMillis(row.get("interval_ms", Long.class)),
                Duration.ofMillis(row.get("timeout_ms", Long.class)), row.get("expected_status", Integer.class),
                (latency != null) ? Duration.ofMillis(latency) : null, row.get("body_contains", String.class),
                row.get("min_days_left", Integer.class), row.get("origin", String.class));
    }
}
