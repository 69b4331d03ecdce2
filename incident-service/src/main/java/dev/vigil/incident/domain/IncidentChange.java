package dev.vigil.incident.domain;

import org.jspecify.annotations.Nullable;

/** What a person changes on an incident; null fields stay as they are. */
public record IncidentChange(@Nullable Status status, @Nullable Severity severity, @Nullable String title,
        @Nullable String assignee, @Nullable String note) {
}
