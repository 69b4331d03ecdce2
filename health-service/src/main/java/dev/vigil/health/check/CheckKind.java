package dev.vigil.health.check;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a check probes; its target is a URL, {@code host:port}, an R2DBC URL or a Kafka bootstrap list. */
public enum CheckKind {

    /** GET the URL: the expected status, within the latency bound, optionally a body containing a text. */
    HTTP,
    /** Open a TCP connection to {@code host:port}. */
    TCP,
    /** {@code select 1} on {@code r2dbc:postgresql://host:port/database}. */
    POSTGRES,
    /** Describe the cluster at the bootstrap servers. */
    KAFKA,
    /** The TLS certificate at {@code host:port} has at least the given days left. */
    TLS;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CheckKind of(String value) {
        for (CheckKind kind : values()) {
            if (kind.wire().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("kind must be one of http, tcp, postgres, kafka, tls");
    }
}
