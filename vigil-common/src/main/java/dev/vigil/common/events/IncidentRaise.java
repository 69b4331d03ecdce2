package dev.vigil.common.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Data of a {@code dev.vigil.incident.raise} event on {@code vigil.incident.v1}: a service asks
 * the incident service to open an incident, or to count another occurrence of an open one with
 * the same signature.
 *
 * @param signature what makes two raises the same incident, e.g. {@code audit-log-integrity}
 * @param severity info, low, medium, high or critical
 * @param title one line for people
 * @param detail what was found
 * @param context anything that helps whoever takes the incident, as a JSON object
 */
public record IncidentRaise(String signature, String severity, String title, String detail,
        Map<String, Object> context) {

    public static final String TYPE = "dev.vigil.incident.raise";

    public IncidentRaise {
        context = (context != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(context)) : Map.of();
    }
}
