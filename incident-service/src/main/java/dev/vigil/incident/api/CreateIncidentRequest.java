package dev.vigil.incident.api;

import java.util.Map;

import dev.vigil.incident.domain.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An incident a person or another system opens.
 *
 * @param signature what makes a later report the same incident; derived from the caller and the title when absent
 * @param context anything that helps whoever takes the incident, a JSON object
 */
record CreateIncidentRequest(@NotBlank @Size(max = 300) String title, @NotNull Severity severity,
        @Nullable @Size(max = 10_000) String description, @Nullable @Size(max = 300) String signature,
        @Nullable Map<String, Object> context) {
}
