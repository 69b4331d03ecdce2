package dev.vigil.audit.log.checkpoint;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the audit log signs its tree heads.
 *
 * @param origin the log's name, the first line of every checkpoint and the name of its key
 * @param signingKey the Ed25519 signer key in signed-note form ({@code PRIVATE+KEY+<origin>+<hash>+<base64>}), from a
 * Kubernetes Secret in production; when empty a key is generated at start (development only: checkpoints then
 * stop verifying at the next restart)
 */
@Validated
@ConfigurationProperties("vigil.audit.checkpoint")
public record CheckpointProperties(@DefaultValue("vigil.dev/audit") @NotBlank String origin,
        @Nullable String signingKey) {
}
