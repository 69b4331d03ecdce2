package dev.vigil.incident.domain;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How bad an incident is, least to most. */
public enum Severity {

    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity named {@code value}; an unknown name is a caller's mistake. */
    @JsonCreator
    public static Severity of(String value) {
        for (Severity severity : values()) {
            if (severity.wire().equals(value)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("severity must be one of info, low, medium, high, critical");
    }
}
