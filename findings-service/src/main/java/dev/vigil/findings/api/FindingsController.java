package dev.vigil.findings.api;

import dev.vigil.common.problem.ProblemException;
import dev.vigil.common.problem.ProblemType;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The routes the gateway already sends here; each answers 501 until a later issue implements it. */
@RestController
class FindingsController {

    @PostMapping("/api/security/findings/webhook")
    Mono<Void> planned1() {
        return notYet();
    }

    @GetMapping("/api/security/findings")
    Mono<Void> planned2() {
        return notYet();
    }

    private static Mono<Void> notYet() {
        return Mono.error(new ProblemException(ProblemType.NOT_IMPLEMENTED,
                "This endpoint is planned and not implemented yet."));
    }
}
