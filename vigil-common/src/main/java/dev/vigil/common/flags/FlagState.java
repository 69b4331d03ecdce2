package dev.vigil.common.flags;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A flag's current state, the value of its key on {@code vigil.flags.v1} (wrapped in a
 * {@code dev.vigil.flag.state} CloudEvent).
 *
 * @param enabled whether the flag is raised
 * @param reason why it was last set, e.g. {@code database unreachable: Connection refused}
 * @param since when it was last set
 * @param setBy who set it: {@code health-service} or an admin's subject
 */
public record FlagState(boolean enabled, @Nullable String reason, Instant since, String setBy) {

    public static final String TYPE = "dev.vigil.flag.state";
}
