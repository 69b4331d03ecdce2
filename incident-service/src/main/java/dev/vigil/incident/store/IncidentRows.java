package dev.vigil.incident.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.Severity;
import dev.vigil.incident.domain.Status;
import dev.vigil.incident.domain.TimelineEntry;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code incidents} and {@code incident_timeline} rows. */
final class IncidentRows {

    static final String COLUMNS = "id, signature, source, title, description, severity, status, occurrence_count, "
            + "detected_at, last_seen_at, resolved_at, assignee, taken_over, context, updated_at";

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final JsonMapper json;

    IncidentRows(JsonMapper json) {
        this.json = json;
    }

    Incident incident(Readable row) {
        return new Incident(row.get("id", UUID.class), row.get("signature", String.class), row.get("source", String.class),
                row.get("title", String.class), row.get("description", String.class),
                Severity.of(row.get("severity", String.class)), Status.of(row.get("status", String.class)),
                row.get("occurrence_count", Long.class), instant(row.get("detected_at", OffsetDateTime.class)),
                instant(row.get("last_seen_at", OffsetDateTime.class)),
                nullableInstant(row.get("resolved_at", OffsetDateTime.class)), row.get("assignee", String.class),
                Boolean.TRUE.equals(row.get("taken_over", Boolean.class)), object(row.get("context", Json.class)),
                instant(row.get("updated_at", OffsetDateTime.class)));
    }

    TimelineEntry timelineEntry(Readable row) {
        return new TimelineEntry(instant(row.get("at", OffsetDateTime.class)), row.get("actor", String.class),
                row.get("kind", String.class), object(row.get("change", Json.class)), row.get("note", String.class));
    }

    Json json(Map<String, ?> value) {
        return Json.of(this.json.writeValueAsString(value));
    }

    private Map<String, Object> object(@Nullable Json value) {
        return (value != null) ? this.json.readValue(value.asString(), OBJECT) : Map.of();
    }

    private static Instant instant(@Nullable OffsetDateTime time) {
        if (time == null) {
            throw new IllegalStateException("a not-null time column was null");
        }
        return time.toInstant();
    }

    private static @Nullable Instant nullableInstant(@Nullable OffsetDateTime time) {
        return (time != null) ? time.toInstant() : null;
    }
}
