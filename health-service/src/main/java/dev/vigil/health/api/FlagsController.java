package dev.vigil.health.api;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.vigil.common.flags.FlagBoard;
import dev.vigil.common.flags.FlagState;
import dev.vigil.common.problem.ProblemException;
import dev.vigil.common.problem.ProblemType;
import dev.vigil.common.security.TrustedHeaders;
import dev.vigil.health.flags.FlagWriter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The system flags: read by anyone with {@code health:read}, set by admins ({@code flags:write}), every change audited. */
@RestController
class FlagsController {

    private final FlagBoard board;

    private final FlagWriter writer;

    FlagsController(FlagBoard board, FlagWriter writer) {
        this.board = board;
        this.writer = writer;
    }

    /** A flag to set. */
    record FlagRequest(@NotNull Boolean enabled, @Nullable @Size(max = 500) String reason) {
    }

    /** Every flag by name; {@code safe_mode} always, off until raised. */
    @GetMapping("/api/security/flags")
    Map<String, Object> flags() {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put(FlagBoard.SAFE_MODE, Map.of("enabled", false));
        flags.putAll(this.board.all());
        return flags;
    }

    @PutMapping("/api/security/flags/{key}")
    Mono<FlagState> set(@PathVariable String key, @Valid @RequestBody FlagRequest request,
            @RequestHeader(name = TrustedHeaders.SUBJECT, required = false) @Nullable String caller) {
        if (!key.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "a flag name is lower case letters, digits and underscores");
        }
        return this.writer.set(key, request.enabled(), request.reason(), (caller != null) ? caller : "unknown");
    }
}
