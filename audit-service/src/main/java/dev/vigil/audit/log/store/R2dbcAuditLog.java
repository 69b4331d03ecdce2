package dev.vigil.audit.log.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.audit.log.canonical.AuditLeaf;
import dev.vigil.audit.log.domain.AuditEntry;
import dev.vigil.audit.log.domain.AuditLog;
import dev.vigil.audit.log.domain.AuditQuery;
import dev.vigil.audit.log.domain.NewAuditEntry;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The audit log in table {@code audit_entries}, its Merkle tree in {@code tree_nodes}. */
@Repository
class R2dbcAuditLog implements AuditLog {

    private static final String COLUMNS = "seq, event_id, recorded_at, actor, action, resource, outcome, ip, "
            + "user_agent, metadata, request_id, source, leaf, prev_hash, hash";

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final DatabaseClient db;

    private final JsonMapper json;

    private final LogAppender appender;

    R2dbcAuditLog(DatabaseClient db, TransactionalOperator tx, JsonMapper json) {
        this.db = db;
        this.json = json;
        this.appender = new LogAppender(db, tx, new TreeNodes(db), new AuditLeaf(json), json);
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
            .map(this::toEntry)
            .all()
            .collectMap(AuditEntry::eventId);
    }

    @Override
    public Flux<AuditEntry> find(AuditQuery query) {
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
        condition(where, binds, "seq < :before", "before", query.beforeSeq());
        String sql = "select " + COLUMNS + " from audit_entries"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by seq desc limit :limit";
        DatabaseClient.GenericExecuteSpec select = this.db.sql(sql).bind("limit", query.limit());
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            select = select.bind(bind.getKey(), bind.getValue());
        }
        return select.map(this::toEntry).all();
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

    private AuditEntry toEntry(Readable row) {
        Json metadata = row.get("metadata", Json.class);
        return new AuditEntry(row.get("seq", Long.class), row.get("event_id", UUID.class),
                row.get("recorded_at", OffsetDateTime.class).toInstant(), row.get("actor", String.class),
                row.get("action", String.class), row.get("resource", String.class), row.get("outcome", Integer.class),
                row.get("ip", String.class), row.get("user_agent", String.class),
                (metadata != null) ? this.json.readValue(metadata.asString(), OBJECT) : Map.of(),
                row.get("request_id", String.class), row.get("source", String.class), row.get("leaf", String.class),
                row.get("prev_hash", byte[].class), row.get("hash", byte[].class));
    }
}
