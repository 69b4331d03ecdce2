package dev.vigil.common.events;

import org.jspecify.annotations.Nullable;

/** An event that cannot be read; consumers skip it (and count it) rather than retry it forever. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
