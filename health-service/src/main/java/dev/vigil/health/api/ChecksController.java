package dev.vigil.health.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.vigil.common.problem.ProblemException;
import dev.vigil.common.problem.ProblemType;
import dev.vigil.common.web.QueryParameters;
import dev.vigil.health.check.CheckDefinition;
import dev.vigil.health.check.CheckResult;
import dev.vigil.health.check.CheckStore;
import dev.vigil.health.monitor.Monitor;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Checks: list, create, replace, delete, run now, and the history of one. Configured checks can be read and run, not changed. */
@RestController
class ChecksController {

    static final String PATH = "/api/security/health/checks";

    private static final int MAX_LIMIT = 1000;

    private final Monitor monitor;

    private final CheckStore store;

    ChecksController(Monitor monitor, CheckStore store) {
        this.monitor = monitor;
        this.store = store;
    }

    @GetMapping(PATH)
    Map<String, List<CheckDefinition>> list() {
        return Map.of("items", this.monitor.statuses().stream().map(status -> status.check()).toList());
    }

    @GetMapping(PATH + "/{id}")
    CheckDefinition show(@PathVariable String id) {
        return this.monitor.definition(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping(PATH)
    Mono<ResponseEntity<CheckDefinition>> create(@Valid @RequestBody CheckRequest request) {
        if (this.monitor.definition(request.id()).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "a check named " + request.id() + " exists; PUT replaces it");
        }
        CheckDefinition check = definition(request, request.id());
        return this.store.save(check)
            .then(Mono.fromRunnable(() -> this.monitor.track(check)))
            .thenReturn(ResponseEntity.created(URI.create(PATH + "/" + check.id())).body(check));
    }

    @PutMapping(PATH + "/{id}")
    Mono<CheckDefinition> replace(@PathVariable String id, @Valid @RequestBody CheckRequest request) {
        if (!id.equals(request.id())) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the body's id must be the path's, " + id);
        }
        refuseConfigured(id);
        CheckDefinition check = definition(request, id);
        return this.store.save(check).then(Mono.fromRunnable(() -> this.monitor.track(check))).thenReturn(check);
    }

    @DeleteMapping(PATH + "/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
        this.monitor.definition(id).orElseThrow(() -> notFound(id));
        refuseConfigured(id);
        return this.store.delete(id).then(Mono.fromRunnable(() -> this.monitor.untrack(id)))
            .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping(PATH + "/{id}/run")
    Mono<CheckResult> run(@PathVariable String id) {
        return this.monitor.runNow(id).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    @GetMapping(PATH + "/{id}/history")
    Mono<Map<String, List<CheckResult>>> history(@PathVariable String id,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "100") int limit) {
        this.monitor.definition(id).orElseThrow(() -> notFound(id));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        }
        return this.store.history(id, QueryParameters.instant("from", from), QueryParameters.instant("to", to), limit)
            .collectList()
            .map(results -> Map.of("items", results));
    }

    private void refuseConfigured(String id) {
        this.monitor.definition(id).filter(check -> "config".equals(check.origin())).ifPresent(check -> {
            throw new ProblemException(ProblemType.CONFLICT,
                    "check " + id + " comes from configuration (vigil.health.checks); change it there");
        });
    }

    private static CheckDefinition definition(CheckRequest request, String id) {
        try {
            return request.toDefinition(id);
        }
        catch (IllegalArgumentException ex) {
            throw new ProblemException(ProblemType.BAD_REQUEST, ex.getMessage());
        }
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(ProblemType.NOT_FOUND, "no check " + id);
    }
}
