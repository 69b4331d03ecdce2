package dev.vigil.incident.domain;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Something that opens an incident, or counts once more on the unresolved incident with the same
 * signature.
 *
 * @param signature given by the raiser, or else derived from source and title
 * @param detectedAt when the raiser detected it (for an event, its time, so an outage does not postdate it)
 * @param actor who raised it, for the timeline and the audit log
 */
public record Occurrence(@Nullable String signature, String source, String title, @Nullable String description,
        Severity severity, Instant detectedAt, Map<String, Object> context, String actor) {

    /** The given signature, or {@code source + ":" + title} normalized. */
    public String effectiveSignature() {
        if (this.signature != null && !this.signature.isBlank()) {
            return this.signature;
        }
        return this.source + ":" + this.title.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    }
}
