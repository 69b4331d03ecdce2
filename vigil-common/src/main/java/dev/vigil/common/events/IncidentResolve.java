package dev.vigil.common.events;

/**
 * Data of a {@code dev.vigil.incident.resolve} event on {@code vigil.incident.v1}: what raised an
 * incident says the cause is gone. The incident service resolves the unresolved incident with the
 * signature, unless a person has taken it over.
 *
 * @param signature the signature it was raised with
 * @param note why it is resolved, for the timeline
 */
public record IncidentResolve(String signature, String note) {

    public static final String TYPE = "dev.vigil.incident.resolve";
}
