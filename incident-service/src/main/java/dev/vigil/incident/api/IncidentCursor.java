package dev.vigil.incident.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.vigil.common.problem.ProblemException;
import dev.vigil.common.problem.ProblemType;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentQuery;

/** The opaque keyset cursor of the incident list: the detection time and id the next page starts below. */
final class IncidentCursor {

    private IncidentCursor() {
    }

    static String encode(Incident last) {
        String text = last.detectedAt() + "|" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static IncidentQuery.Position decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 2) {
                return new IncidentQuery.Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            }
        }
        catch (RuntimeException ex) {
            // falls through to the problem below
        }
        throw new ProblemException(ProblemType.BAD_REQUEST, "cursor is not one this API returned; start again without it");
    }
}
