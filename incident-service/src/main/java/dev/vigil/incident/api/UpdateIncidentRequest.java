package dev.vigil.incident.api;

import dev.vigil.incident.domain.IncidentChange;
import dev.vigil.incident.domain.Severity;
import dev.vigil.incident.domain.Status;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A person's change of an incident; absent fields stay as they are, a note alone goes on the timeline. */
record UpdateIncidentRequest(@Nullable Status status, @Nullable Severity severity,
        @Nullable @Size(min = 1, max = 300) String title, @Nullable @Size(max = 200) String assignee,
        @Nullable @Size(max = 10_000) String note) {

    IncidentChange toChange() {
        return new IncidentChange(this.status, this.severity, this.title, this.assignee, this.note);
    }
}
