package dev.vigil.audit.log.store;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import dev.vigil.audit.log.domain.AuditEntry;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code audit_entries} rows. */
class EntryRows {

    static final String COLUMNS = "seq, event_id, recorded_at, actor, action, resource, outcome, ip, "
            + "user_agent, metadata, request_id, source, leaf, prev_hash, hash";

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final JsonMapper json;

    EntryRows(JsonMapper json) {
        this.json = json;
    }

    AuditEntry toEntry(Readable row) {
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
