package dev.vigil.common.problem;

import java.util.Map;

/** Thrown anywhere in a request to answer with a problem of the given kind and a detail that tells the caller what to fix. */
public class ProblemException extends RuntimeException {

    private final ProblemType kind;

    private final Map<String, Object> properties;

    public ProblemException(ProblemType kind, String detail) {
        this(kind, detail, Map.of());
    }

    public ProblemException(ProblemType kind, String detail, Map<String, Object> properties) {
        super(detail);
        this.kind = kind;
        this.properties = Map.copyOf(properties);
    }

    public ProblemType kind() {
        return this.kind;
    }

    public Map<String, Object> properties() {
        return this.properties;
    }
}
