package dev.vigil.audit.log.api;

import dev.vigil.audit.log.verification.IntegrityCheck;
import dev.vigil.audit.log.domain.Verification;
import dev.vigil.common.problem.ProblemException;
import dev.vigil.common.problem.ProblemType;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Recomputes the chain and the tree over a range of the log, all of it by default; a break raises a critical incident. */
@RestController
class VerifyController {

    private final IntegrityCheck check;

    VerifyController(IntegrityCheck check) {
        this.check = check;
    }

    @PostMapping("/api/security/audit/verify")
    Mono<Verification> verify(@RequestBody(required = false) @Nullable VerifyRequest request) {
        long from = (request != null && request.from() != null) ? request.from() : 0;
        Long to = (request != null) ? request.to() : null;
        if (from < 0 || (to != null && to < from)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "need 0 <= from <= to");
        }
        return this.check.verify(from, to);
    }

    /**
     * The range to check.
     *
     * @param from the first sequence number (default 0)
     * @param to one past the last (default: the end of the log)
     */
    record VerifyRequest(@Nullable Long from, @Nullable Long to) {
    }
}
