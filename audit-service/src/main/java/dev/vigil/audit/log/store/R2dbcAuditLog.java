package dev.vigil.audit.log.store;

import java.time.OffsetDateTime;
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
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The audit log in table {@code audit_entries}; the database's clock dates each entry. */
@Repository
class R2dbcAuditLog implements AuditLog {

    private static final String COLUMNS = "seq, event_id, recorded_at, actor, action, resource, outcome, ip, "
            + "user_agent, metadata, request_id, source";

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final DatabaseClient db;

    private final JsonMapper json;

    R2dbcAuditLog(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Mono<AuditEntry> append(NewAuditEntry entry) {
        DatabaseClient.GenericExecuteSpec insert = this.db.sql("insert into audit_entries (event_id, actor, action, "
                + "resource, outcome, ip, user_agent, metadata, request_id, source) values (:eventId, :actor, "
                + ":action, :resource, :outcome, :ip, :userAgent, :metadata, :requestId, :source) "
                + "on conflict (event_id) do nothing returning " + COLUMNS)
            .bind("eventId", entry.eventId())
            .bind("action", entry.action())
            .bind("resource", entry.resource())
            .bind("outcome", entry.outcome())
            .bind("metadata", Json.of(this.json.writeValueAsString(entry.metadata())))
            .bind("source", entry.source());
        insert = bindNullable(insert, "actor", entry.user());
        insert = bindNullable(insert, "ip", entry.ip());
        insert = bindNullable(insert, "userAgent", entry.userAgent());
        insert = bindNullable(insert, "requestId", entry.requestId());
        return insert.map(this::toEntry).one().switchIfEmpty(Mono.defer(() -> byEventId(entry.eventId())));
    }

    private Mono<AuditEntry> byEventId(UUID eventId) {
        return this.db.sql("select " + COLUMNS + " from audit_entries where event_id = :eventId")
            .bind("eventId", eventId)
            .map(this::toEntry)
            .one();
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

    private static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
            String value) {
        return (value != null) ? spec.bind(name, value) : spec.bindNull(name, String.class);
    }

    private AuditEntry toEntry(Readable row) {
        Json metadata = row.get("metadata", Json.class);
        return new AuditEntry(row.get("seq", Long.class), row.get("event_id", UUID.class),
                row.get("recorded_at", OffsetDateTime.class).toInstant(), row.get("actor", String.class),
                row.get("action", String.class), row.get("resource", String.class), row.get("outcome", Integer.class),
                row.get("ip", String.class), row.get("user_agent", String.class),
                (metadata != null) ? this.json.readValue(metadata.asString(), OBJECT) : Map.of(),
                row.get("request_id", String.class), row.get("source", String.class));
    }
}
