package dev.vigil.audit.log.store;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.audit.log.domain.AuditEntry;
import dev.vigil.audit.log.domain.AuditLog;
import dev.vigil.audit.log.domain.AuditQuery;
import dev.vigil.audit.log.domain.NewAuditEntry;
import dev.vigil.common.resilience.DependencyGuard;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;

import static dev.vigil.common.resilience.DependencyGuard.Dependency.DATABASE;

/** The audit log in table {@code audit_entries}, its Merkle tree in {@code tree_nodes}. */
@Repository
class R2dbcAuditLog implements AuditLog {

    private static final String COLUMNS = EntryRows.COLUMNS;

    private final DatabaseClient db;

    private final LogAppender appender;

    private final EntryRows rows;

    private final DependencyGuard guard;

    R2dbcAuditLog(DatabaseClient db, TransactionalOperator tx, JsonMapper json, DependencyGuard guard) {
        this.db = db;
        this.guard = guard;
        this.appender = new LogAppender(db, tx, new TreeNodes(db), json);
        this.rows = new EntryRows(json);
    }

    @Override
    public Mono<AuditEntry> append(NewAuditEntry entry) {
        return appendAll(List.of(entry)).map(List::getFirst);
    }

    @Override
    public Mono<List<AuditEntry>> appendAll(List<NewAuditEntry> entries) {
        return entries.isEmpty() ? Mono.just(List.of()) : this.appender.append(entries, this::byEventIds);
    }

    private Mono<Map<UUID, AuditEntry>> byEventIds(List<UUID> eventIds) {
        return this.db.sql("select " + COLUMNS + " from audit_entries where event_id = any(:ids)")
            .bind("ids", eventIds.toArray(UUID[]::new))
            .map(this.rows::toEntry)
            .all()
            .collectMap(AuditEntry::eventId);
    }

    @Override
    public Flux<AuditEntry> find(AuditQuery query) {
        return this.guard.repeatable(DATABASE, select(query, false));
    }

    @Override
    public Flux<AuditEntry> export(AuditQuery query) {
        // Not guarded by the per-call timeout: an export streams as long as the log is.
        return select(query, true);
    }

    private Flux<AuditEntry> select(AuditQuery query, boolean export) {
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        condition(where, binds, "action = :action", "action", query.action());
        condition(where, binds, "actor = :actor", "actor", query.user());
        condition(where, binds, "resource like :resource escape '\\'", "resource",
                (query.resourcePrefix() != null) ? likePrefix(query.resourcePrefix()) : null);
        condition(where, binds, "outcome = :outcome", "outcome", query.outcome());
        condition(where, binds, "recorded_at >= :from", "from",
                (query.from() != null) ? query.from().atOffset(ZoneOffset.UTC) : null);
        condition(where, binds, "recorded_at < :to", "to",
                (query.to() != null) ? query.to().atOffset(ZoneOffset.UTC) : null);
        if (!export) {
            condition(where, binds, "seq < :before", "before", query.beforeSeq());
        }
        String sql = "select " + COLUMNS + " from audit_entries"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + (export ? " order by seq" : " order by seq desc limit :limit");
        DatabaseClient.GenericExecuteSpec select = this.db.sql(sql);
        if (!export) {
            select = select.bind("limit", query.limit());
        }
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            select = select.bind(bind.getKey(), bind.getValue());
        }
        return select.map(this.rows::toEntry).all();
    }

    private static void condition(List<String> where, Map<String, Object> binds, String clause, String name,
            Object value) {
        if (value != null) {
            where.add(clause);
            binds.put(name, value);
        }
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

}
