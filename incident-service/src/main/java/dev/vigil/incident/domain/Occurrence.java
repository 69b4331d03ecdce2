package dev.vigil.incident.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.vigil.common.events.Ids;
import org.jspecify.annotations.Nullable;

/**
 * Something that opens an incident, or counts once more on the unresolved incident with the same
 * signature.
 *
 * @param signature given by the raiser, or else derived from source and title
 * @param detectedAt when the raiser detected it (for an event, its time, so an outage does not postdate it)
 * @param actor who raised it, for the timeline and the audit log
 * @param id the id the incident gets if this occurrence opens it
 */
public record Occurrence(@Nullable String signature, String source, String title, @Nullable String description,
        Severity severity, Instant detectedAt, Map<String, Object> context, String actor, UUID id) {

    public Occurrence(@Nullable String signature, String source, String title, @Nullable String description,
            Severity severity, Instant detectedAt, Map<String, Object> context, String actor) {
        this(signature, source, title, description, severity, detectedAt, context, actor, Ids.newId());
    }

    /** The given signature, or {@code source + ":" + title} normalized. */
    public String effectiveSignature() {
        if (this.signature != null && !this.signature.isBlank()) {
            return this.signature;
        }
        return this.source + ":" + this.title.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
