package dev.vigil.incident.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.outbox.OutboxWriter;
import dev.vigil.common.resilience.DependencyGuard;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentChange;
import dev.vigil.incident.domain.IncidentQuery;
import dev.vigil.incident.domain.Incidents;
import dev.vigil.incident.domain.Occurrence;
import dev.vigil.incident.domain.Severity;
import dev.vigil.incident.domain.Status;
import dev.vigil.incident.domain.TimelineEntry;
import io.r2dbc.spi.Parameters;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;

import static dev.vigil.common.resilience.DependencyGuard.Dependency.DATABASE;

/**
 * Incidents in table {@code incidents}, their changes in {@code incident_timeline}. Reads are
 * retried on failure; changes are not (a change whose commit went unanswered must not run twice).
 */
@Repository
class R2dbcIncidents implements Incidents {

    /**
     * One statement per occurrence against the one-unresolved-per-signature index, so concurrent
     * occurrences of one signature make one incident and count exactly. An occurrence detected
     * earlier than the stored first one (events arriving late) moves the detection time back.
     */
    private static final String RAISE = "insert into incidents (id, signature, source, title, description, severity, "
            + "status, occurrence_count, detected_at, last_seen_at, context) "
            + "values (:id, :signature, :source, :title, :description, :severity, 'open', :times, :detected, :detected, "
            + ":context) on conflict (signature) where status <> 'resolved' do update set "
            + "occurrence_count = incidents.occurrence_count + excluded.occurrence_count, "
            + "detected_at = least(incidents.detected_at, excluded.detected_at), "
            + "last_seen_at = greatest(incidents.last_seen_at, excluded.last_seen_at), updated_at = now() "
            + "returning " + IncidentRows.COLUMNS + ", (xmax = 0) as inserted";

    private final DatabaseClient db;

    private final TransactionalOperator tx;

    private final IncidentRows rows;

    private final IncidentEvents events;

    private final DependencyGuard guard;

    R2dbcIncidents(DatabaseClient db, TransactionalOperator tx, JsonMapper json, OutboxWriter outbox,
            CloudEventCodec codec, DependencyGuard guard) {
        this.db = db;
        this.guard = guard;
        this.tx = tx;
        this.rows = new IncidentRows(json);
        this.events = new IncidentEvents(outbox, codec);
    }

    @Override
    public Mono<Raised> raise(Occurrence occurrence, int times) {
        Mono<Raised> work = this.db.sql(RAISE)
            .bind("id", occurrence.id())
            .bind("times", times)
            .bind("signature", occurrence.effectiveSignature())
            .bind("source", occurrence.source())
            .bind("title", occurrence.title())
            .bind("description", nullable(occurrence.description()))
            .bind("severity", occurrence.severity().wire())
            .bind("detected", occurrence.detectedAt().atOffset(ZoneOffset.UTC))
            .bind("context", this.rows.json(occurrence.context()))
            .map(row -> new Raised(this.rows.incident(row), Boolean.TRUE.equals(row.get("inserted", Boolean.class))))
            .one()
            .flatMap(raised -> (raised.opened() ? opened(raised.incident(), occurrence.actor())
                    : this.events.publish(IncidentEvents.OCCURRENCE, raised.incident())).thenReturn(raised));
        return this.guard.once(DATABASE, this.tx.transactional(work));
    }

    private Mono<Void> opened(Incident incident, String actor) {
        return timeline(incident.id(), actor, "created",
                Map.of("status", incident.status().wire(), "severity", incident.severity().wire()), null)
            .then(this.events.publish(IncidentEvents.CREATED, incident))
            .then(this.events.audit(actor, "incident.create", incident,
                    Map.of("signature", incident.signature(), "severity", incident.severity().wire(), "title",
                            incident.title())));
    }

    @Override
    public Mono<Incident> find(UUID id) {
        return this.db.sql("select " + IncidentRows.COLUMNS + " from incidents where id = :id")
            .bind("id", id)
            .map(this.rows::incident)
            .one()
            .transform(find -> this.guard.repeatable(DATABASE, find));
    }

    @Override
    public Flux<TimelineEntry> timeline(UUID id) {
        return this.db.sql("select at, actor, kind, change, note from incident_timeline where incident_id = :id order by id")
            .bind("id", id)
            .map(this.rows::timelineEntry)
            .all()
            .transform(timeline -> this.guard.repeatable(DATABASE, timeline));
    }

    @Override
    public Flux<Incident> list(IncidentQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        condition(where, binds, "status = :status", "status", (query.status() != null) ? query.status().wire() : null);
        condition(where, binds, "severity = :severity", "severity",
                (query.severity() != null) ? query.severity().wire() : null);
        condition(where, binds, "signature = :signature", "signature", query.signature());
        condition(where, binds, "detected_at >= :from", "from",
                (query.from() != null) ? query.from().atOffset(ZoneOffset.UTC) : null);
        condition(where, binds, "detected_at < :to", "to", (query.to() != null) ? query.to().atOffset(ZoneOffset.UTC) : null);
        if (query.after() != null) {
            where.add("(detected_at, id) < (:afterTime, :afterId)");
            binds.put("afterTime", query.after().detectedAt().atOffset(ZoneOffset.UTC));
            binds.put("afterId", query.after().id());
        }
        binds.put("limit", query.limit());
        String sql = "select " + IncidentRows.COLUMNS + " from incidents"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by detected_at desc, id desc limit :limit";
        return this.guard.repeatable(DATABASE, this.db.sql(sql).bindValues(binds).map(this.rows::incident).all());
    }

    private static void condition(List<String> where, Map<String, Object> binds, String clause, String name,
            @Nullable Object value) {
        if (value != null) {
            where.add(clause);
            binds.put(name, value);
        }
    }

    @Override
    public Mono<Incident> change(UUID id, IncidentChange change, String actor) {
        Mono<Incident> work = this.db.sql("select " + IncidentRows.COLUMNS + " from incidents where id = :id for update")
            .bind("id", id)
            .map(this.rows::incident)
            .one()
            .switchIfEmpty(Mono.error(() -> new NoSuchIncident(id)))
            .flatMap(current -> apply(current, change, actor));
        return this.guard.once(DATABASE, this.tx.transactional(work)).onErrorMap(DataIntegrityViolationException.class,
                ex -> new SignatureInUse(id));
    }

    private Mono<Incident> apply(Incident current, IncidentChange change, String actor) {
        Status status = (change.status() != null) ? change.status() : current.status();
        if (status != current.status() && !current.status().canMoveTo(status)) {
            return Mono.error(new IllegalMove(current.status(), status));
        }
        Severity severity = (change.severity() != null) ? change.severity() : current.severity();
        String title = (change.title() != null) ? change.title() : current.title();
        String assignee = (change.assignee() != null) ? change.assignee() : current.assignee();
        Instant resolvedAt = (status == Status.RESOLVED)
                ? ((current.status() == Status.RESOLVED) ? current.resolvedAt() : Instant.now()) : null;

        List<Mono<Void>> entries = new ArrayList<>();
        Map<String, Object> changes = new LinkedHashMap<>();
        record(entries, changes, current.id(), actor, "status", current.status().wire(), status.wire(), change.note());
        record(entries, changes, current.id(), actor, "severity", current.severity().wire(), severity.wire(), change.note());
        record(entries, changes, current.id(), actor, "title", current.title(), title, change.note());
        record(entries, changes, current.id(), actor, "assignee", current.assignee(), assignee, change.note());
        if (entries.isEmpty() && change.note() != null) {
            entries.add(timeline(current.id(), actor, "note", Map.of(), change.note()));
        }
        if (entries.isEmpty()) {
            return Mono.just(current);
        }
        return this.db.sql("update incidents set status = :status, severity = :severity, title = :title, "
                + "assignee = :assignee, resolved_at = :resolvedAt, taken_over = true, updated_at = now() "
                + "where id = :id returning " + IncidentRows.COLUMNS)
            .bind("status", status.wire())
            .bind("severity", severity.wire())
            .bind("title", title)
            .bind("assignee", nullable(assignee))
            .bind("resolvedAt", (resolvedAt != null) ? resolvedAt.atOffset(ZoneOffset.UTC)
                    : Parameters.in(OffsetDateTime.class))
            .bind("id", current.id())
            .map(this.rows::incident)
            .one()
            .flatMap(updated -> Flux.concat(entries)
                .then(this.events.publish(IncidentEvents.UPDATED, updated))
                .then(this.events.audit(actor, "incident.update", updated, changes.isEmpty()
                        ? Map.of("note", Objects.requireNonNull(change.note())) : changes))
                .thenReturn(updated));
    }

    private void record(List<Mono<Void>> entries, Map<String, Object> changes, UUID id, String actor, String field,
            @Nullable String from, @Nullable String to, @Nullable String note) {
        if (!Objects.equals(from, to)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("to", to);
            changes.put(field, change);
            entries.add(timeline(id, actor, field, change, note));
        }
    }

    @Override
    public Mono<Incident> resolve(String signature, String actor, String note) {
        Mono<Incident> work = this.db.sql("update incidents set status = 'resolved', resolved_at = now(), updated_at = now() "
                + "where signature = :signature and status <> 'resolved' and not taken_over returning "
                + IncidentRows.COLUMNS + ", (select status from incidents before where before.id = incidents.id) as was")
            .bind("signature", signature)
            .map(row -> Map.entry(this.rows.incident(row), Objects.requireNonNull(row.get("was", String.class))))
            .one()
            .flatMap(resolved -> timeline(resolved.getKey().id(), actor, "status",
                    Map.of("from", resolved.getValue(), "to", "resolved"), note)
                .then(this.events.publish(IncidentEvents.UPDATED, resolved.getKey()))
                .then(this.events.audit(actor, "incident.resolve", resolved.getKey(), Map.of("note", note)))
                .thenReturn(resolved.getKey()));
        return this.guard.once(DATABASE, this.tx.transactional(work));
    }

    private Mono<Void> timeline(UUID id, String actor, String kind, Map<String, ?> change, @Nullable String note) {
        return this.db.sql("insert into incident_timeline (incident_id, actor, kind, change, note) "
                + "values (:id, :actor, :kind, :change, :note)")
            .bind("id", id)
            .bind("actor", actor)
            .bind("kind", kind)
            .bind("change", this.rows.json(change))
            .bind("note", nullable(note))
            .then();
    }

    private static Object nullable(@Nullable String value) {
        return (value != null) ? value : Parameters.in(String.class);
    }
}
