package dev.vigil.incident.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.vigil.common.problem.ProblemException;
import dev.vigil.common.problem.ProblemType;
import dev.vigil.common.web.QueryParameters;
import dev.vigil.common.security.TrustedHeaders;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentQuery;
import dev.vigil.incident.domain.Incidents;
import dev.vigil.incident.domain.Occurrence;
import dev.vigil.incident.domain.Severity;
import dev.vigil.incident.domain.Status;
import dev.vigil.incident.events.PendingIncidents;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists, opens, shows and changes incidents. The caller is the subject the gateway vouches for. */
@RestController
class IncidentController {

    static final String PATH = "/api/security/incidents";

    private static final int MAX_LIMIT = 1000;

    /** Set on answers the database could not give: {@code memory}. */
    static final String SERVED_FROM = "Vigil-Served-From";

    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(5);

    private final Incidents incidents;

    private final JsonMapper json;

    private final PendingIncidents pending;

    IncidentController(Incidents incidents, JsonMapper json, PendingIncidents pending) {
        this.incidents = incidents;
        this.json = json;
        this.pending = pending;
    }

    @GetMapping(PATH)
    Mono<ResponseEntity<IncidentPage>> list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String signature,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) @Nullable String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        }
        IncidentQuery query = new IncidentQuery((status != null) ? parse(() -> Status.of(status)) : null,
                (severity != null) ? parse(() -> Severity.of(severity)) : null, signature, QueryParameters.instant("from", from),
                QueryParameters.instant("to", to), (cursor != null) ? IncidentCursor.decode(cursor) : null, limit + 1);
        return this.incidents.list(query)
            .collectList()
            .timeout(DATABASE_TIMEOUT)
            .map(found -> ResponseEntity.ok(page(found, limit)))
            .onErrorResume(DatabaseOutage::is, error -> Mono.just(fromMemory(query, limit)));
    }

    /**
     * While the database cannot be read: the incidents raised since it went away, not stored yet
     * (an outage's own incident among them), marked as served from memory.
     */
    private ResponseEntity<IncidentPage> fromMemory(IncidentQuery query, int limit) {
        List<Incident> pending = this.pending.incidents()
            .stream()
            .filter(incident -> query.status() == null || query.status() == incident.status())
            .filter(incident -> query.severity() == null || query.severity() == incident.severity())
            .filter(incident -> query.signature() == null || query.signature().equals(incident.signature()))
            .limit(limit)
            .toList();
        return ResponseEntity.ok().header(SERVED_FROM, "memory").body(new IncidentPage(pending, null));
    }

    private static IncidentPage page(List<Incident> found, int limit) {
        if (found.size() <= limit) {
            return new IncidentPage(found, null);
        }
        List<Incident> items = found.subList(0, limit);
        return new IncidentPage(items, IncidentCursor.encode(items.getLast()));
    }

    /** 201 with the new incident, or 200 with the unresolved one of the same signature, its count one higher. */
    @PostMapping(PATH)
    Mono<ResponseEntity<Incident>> open(@Valid @RequestBody CreateIncidentRequest request,
            @RequestHeader(name = TrustedHeaders.SUBJECT, required = false) @Nullable String caller) {
        String actor = actor(caller);
        Occurrence occurrence = new Occurrence(request.signature(), "api", request.title(),
                request.description(), request.severity(), Instant.now(),
                (request.context() != null) ? request.context() : Map.of(), actor);
        return this.incidents.raise(occurrence)
            .map(raised -> raised.opened()
                    ? ResponseEntity.created(URI.create(PATH + "/" + raised.incident().id())).body(raised.incident())
                    : ResponseEntity.ok(raised.incident()));
    }

    /** The incident with its timeline. */
    @GetMapping(PATH + "/{id}")
    Mono<ResponseEntity<ObjectNode>> show(@PathVariable String id) {
        UUID incidentId = id(id);
        return this.incidents.find(incidentId)
            .switchIfEmpty(Mono.error(() -> notFound(id)))
            .zipWith(this.incidents.timeline(incidentId).collectList())
            .map(found -> {
                ObjectNode body = this.json.valueToTree(found.getT1());
                body.set("timeline", this.json.valueToTree(found.getT2()));
                return ResponseEntity.ok(body);
            })
            .onErrorResume(DatabaseOutage::is, error -> this.pending.incidents()
                .stream()
                .filter(incident -> incident.id().equals(incidentId))
                .findFirst()
                .map(incident -> Mono.just(ResponseEntity.ok().header(SERVED_FROM, "memory")
                    .body(this.json.<ObjectNode>valueToTree(incident))))
                .orElseGet(() -> Mono.error(error)));
    }

    @PatchMapping(PATH + "/{id}")
    Mono<Incident> change(@PathVariable String id, @Valid @RequestBody UpdateIncidentRequest request,
            @RequestHeader(name = TrustedHeaders.SUBJECT, required = false) @Nullable String caller) {
        return this.incidents.change(id(id), request.toChange(), actor(caller))
            .onErrorMap(Incidents.NoSuchIncident.class, ex -> notFound(id))
            .onErrorMap(Incidents.IllegalMove.class, ex -> new ProblemException(ProblemType.CONFLICT,
                    ex.getMessage() + "; allowed: " + ex.allowed().stream().map(Status::wire).toList(),
                    Map.of("allowed", ex.allowed().stream().map(Status::wire).toList())))
            .onErrorMap(Incidents.SignatureInUse.class, ex -> new ProblemException(ProblemType.CONFLICT, ex.getMessage()));
    }

    private static String actor(@Nullable String caller) {
        return (caller != null && !caller.isBlank()) ? caller : "unknown";
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        }
        catch (IllegalArgumentException ex) {
            throw notFound(id);
        }
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(ProblemType.NOT_FOUND, "no incident " + id);
    }

    private static <T> T parse(Supplier<T> value) {
        try {
            return value.get();
        }
        catch (IllegalArgumentException ex) {
            throw new ProblemException(ProblemType.BAD_REQUEST, ex.getMessage());
        }
    }
}
