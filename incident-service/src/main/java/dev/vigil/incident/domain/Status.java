package dev.vigil.incident.domain;

import java.util.EnumSet;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;

/**
 * Where an incident is in its life. Forward moves may skip steps; a mitigated incident may fall
 * back to investigating; a resolved one may only be reopened.
 */
public enum Status {

    OPEN, INVESTIGATING, MITIGATED, RESOLVED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The statuses this one may move to. */
    public Set<Status> moves() {
        return switch (this) {
            case OPEN -> EnumSet.of(INVESTIGATING, MITIGATED, RESOLVED);
            case INVESTIGATING -> EnumSet.of(MITIGATED, RESOLVED);
            case MITIGATED -> EnumSet.of(INVESTIGATING, RESOLVED);
            case RESOLVED -> EnumSet.of(OPEN);
        };
    }

    public boolean canMoveTo(Status next) {
        return moves().contains(next);
    }

    /** The status named {@code value}; an unknown name is a caller's mistake. */
    @JsonCreator
    public static Status of(String value) {
        for (Status status : values()) {
            if (status.wire().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("status must be one of open, investigating, mitigated, resolved");
    }
}
