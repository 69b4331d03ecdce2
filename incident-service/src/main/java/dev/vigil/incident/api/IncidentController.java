package dev.vigil.incident.api;

import dev.vigil.common.problem.ProblemException;
import dev.vigil.common.problem.ProblemType;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The routes the gateway already sends here; each answers 501 until issue #4 implements it. */
@RestController
class IncidentController {

    @GetMapping("/api/security/incidents")
    Mono<Void> planned1() {
        return notYet();
    }

    @PostMapping("/api/security/incidents")
    Mono<Void> planned2() {
        return notYet();
    }

    @GetMapping("/api/security/incidents/{id}")
    Mono<Void> planned3() {
        return notYet();
    }

    @PatchMapping("/api/security/incidents/{id}")
    Mono<Void> planned4() {
        return notYet();
    }

    private static Mono<Void> notYet() {
        return Mono.error(new ProblemException(ProblemType.NOT_IMPLEMENTED,
                "This endpoint is planned (issue #4) and not implemented yet."));
    }
}
