package dev.vigil.common.security;

import java.util.List;
import java.util.Locale;

/** The built-in roles and the scopes each grants. */
public enum Role {

    ADMIN(Scopes.ALL),
    SRE(List.of(Scopes.HEALTH_READ, Scopes.HEALTH_RUN, Scopes.INCIDENTS_READ, Scopes.INCIDENTS_WRITE,
            Scopes.FINDINGS_READ, Scopes.FINDINGS_WRITE, Scopes.FLAGS_WRITE)),
    AUDITOR(List.of(Scopes.AUDIT_READ, Scopes.INCIDENTS_READ, Scopes.FINDINGS_READ)),
    USER(List.of(Scopes.HEALTH_READ));

    private final List<String> scopes;

    Role(List<String> scopes) {
        this.scopes = scopes;
    }

    public List<String> scopes() {
        return this.scopes;
    }

    /** The lower-case name used in APIs and client ids, e.g. {@code sre}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
