package dev.vigil.audit.log.api;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An action another system reports for the audit log. Its time is the audit service's, never the caller's.
 *
 * @param action what was done
 * @param resource what it was done to
 * @param outcome the status it ended with; 200 when absent
 * @param user who acted, when it is not the caller itself
 * @param metadata anything else worth keeping, a JSON object
 */
record AppendAuditRequest(@NotBlank @Size(max = 200) String action, @NotBlank @Size(max = 2000) String resource,
        @Nullable @Min(100) @Max(599) Integer outcome, @Nullable @Size(max = 200) String user,
        @Nullable Map<String, Object> metadata) {
}
