package dev.vigil.audit.log.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;

import dev.vigil.audit.log.domain.AuditEntry;
import dev.vigil.audit.log.domain.AuditLog;
import dev.vigil.audit.log.domain.AuditQuery;
import dev.vigil.audit.log.domain.NewAuditEntry;
import dev.vigil.common.events.Ids;
import dev.vigil.common.problem.ProblemException;
import dev.vigil.common.problem.ProblemType;
import dev.vigil.common.web.QueryParameters;
import dev.vigil.common.security.TrustedHeaders;
import dev.vigil.common.web.RequestIds;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Reads the audit log and appends what other systems report. */
@RestController
class AuditLogController {

    static final String PATH = "/api/security/audit/logs";

    private static final int MAX_LIMIT = 1000;

    private final AuditLog auditLog;

    AuditLogController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** A page of JSON, newest first; or, with {@code Accept: application/x-ndjson}, every match as JSON lines, oldest first. */
    @GetMapping(PATH)
    Mono<ResponseEntity<?>> list(@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String resource,
            @RequestParam(required = false) @Nullable Integer outcome,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) @Nullable String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        }
        AuditQuery query = new AuditQuery(action, user, resource, outcome, QueryParameters.instant("from", from), QueryParameters.instant("to", to),
                (cursor != null) ? Cursor.decode(cursor) : null, limit + 1);
        if (accept != null && accept.contains(MediaType.APPLICATION_NDJSON_VALUE)) {
            return Mono.just(ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_NDJSON)
                .body(this.auditLog.export(query).map(AuditEntryResponse::of)));
        }
        return this.auditLog.find(query)
            .map(AuditEntryResponse::of)
            .collectList()
            .map(found -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(page(found, limit)));
    }

    private static AuditPage page(List<AuditEntryResponse> found, int limit) {
        if (found.size() <= limit) {
            return new AuditPage(found, null);
        }
        List<AuditEntryResponse> items = found.subList(0, limit);
        return new AuditPage(items, Cursor.encode(items.getLast().seq()));
    }

    @PostMapping(PATH)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AuditEntryResponse> append(@Valid @RequestBody AppendAuditRequest request,
            @RequestHeader(name = TrustedHeaders.SUBJECT, required = false) @Nullable String caller,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            ServerWebExchange exchange) {
        Map<String, Object> metadata = new LinkedHashMap<>((request.metadata() != null) ? request.metadata() : Map.of());
        if (caller != null && request.user() != null && !caller.equals(request.user())) {
            metadata.put("reportedBy", caller);
        }
        UUID eventId = (idempotencyKey != null)
                ? UUID.nameUUIDFromBytes((caller + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                : Ids.newId();
        NewAuditEntry entry = new NewAuditEntry(eventId, (request.user() != null) ? request.user() : caller,
                request.action(), request.resource(), (request.outcome() != null) ? request.outcome() : 200,
                clientIp(exchange.getRequest()), exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT),
                metadata, RequestIds.of(exchange), "/vigil/api");
        return this.auditLog.append(entry).map(stored -> sameRequest(stored, entry));
    }

    private static AuditEntryResponse sameRequest(AuditEntry stored, NewAuditEntry asked) {
        if (!stored.action().equals(asked.action()) || !stored.resource().equals(asked.resource())
                || !Objects.equals(stored.user(), asked.user()) || stored.outcome() != asked.outcome()) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "this Idempotency-Key was already used for a different entry");
        }
        return AuditEntryResponse.of(stored);
    }

    private static @Nullable String clientIp(ServerHttpRequest request) {
        String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return (request.getRemoteAddress() != null) ? request.getRemoteAddress().getAddress().getHostAddress() : null;
    }
}
