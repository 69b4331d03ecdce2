package dev.vigil.incident.alertmanager;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Alertmanager's webhook payload, version 4 (prometheus.io/docs/alerting/latest/configuration/#webhook_config).
 * Fields this service does not use are accepted and ignored, so a newer Alertmanager still delivers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AlertmanagerPayload(@NotNull @Pattern(regexp = "4", message = "must be 4") String version,
        @Nullable String status, @Nullable String receiver, @Nullable String groupKey,
        @Nullable String externalURL, @NotEmpty @Size(max = 10_000) List<@Valid @NotNull Alert> alerts) {

    /** One alert of the group. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Alert(@NotNull @Pattern(regexp = "firing|resolved", message = "must be firing or resolved") String status,
            @Nullable Map<String, String> labels, @Nullable Map<String, String> annotations, @Nullable String startsAt,
            @Nullable String endsAt, @Nullable String generatorURL, @Nullable String fingerprint) {
    }
}
