package dev.vigil.common.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import dev.vigil.common.problem.ProblemException;
import dev.vigil.common.problem.ProblemType;
import org.jspecify.annotations.Nullable;

/** Query parameters every list API reads the same way, with the same 400 when they are wrong. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** An RFC 3339 time in UTC ({@code from}, {@code to}); null when absent. */
    public static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        }
        catch (DateTimeParseException ex) {
            throw new ProblemException(ProblemType.BAD_REQUEST,
                    name + " must be an RFC 3339 time in UTC, e.g. 2026-01-31T23:59:00Z");
        }
    }
}
