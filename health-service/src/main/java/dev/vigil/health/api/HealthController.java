package dev.vigil.health.api;

import dev.vigil.common.problem.ProblemException;
import dev.vigil.common.problem.ProblemType;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The routes the gateway already sends here; each answers 501 until issue #4 implements it. */
@RestController
class HealthController {

    @GetMapping("/api/security/health")
    Mono<Void> planned1() {
        return notYet();
    }

    @PostMapping("/api/security/cron/health-check")
    Mono<Void> planned2() {
        return notYet();
    }

    private static Mono<Void> notYet() {
        return Mono.error(new ProblemException(ProblemType.NOT_IMPLEMENTED,
                "This endpoint is planned (issue #4) and not implemented yet."));
    }
}
