package dev.vigil.incident.api;

import java.util.List;

import dev.vigil.incident.domain.Incident;
import org.jspecify.annotations.Nullable;

/** A page of the incident list and the cursor of the next, null on the last. */
record IncidentPage(List<Incident> items, @Nullable String next) {
}
