package dev.vigil.common.security;

import java.util.List;

/** The OAuth2 scopes that Vigil's routes require; a token carries them in its {@code scope} claim. */
public final class Scopes {

    public static final String HEALTH_READ = "health:read";

    public static final String HEALTH_RUN = "health:run";

    public static final String INCIDENTS_READ = "incidents:read";

    public static final String INCIDENTS_WRITE = "incidents:write";

    public static final String AUDIT_READ = "audit:read";

    public static final String AUDIT_WRITE = "audit:write";

    public static final String FINDINGS_READ = "findings:read";

    public static final String FINDINGS_WRITE = "findings:write";

    public static final String RBAC_ADMIN = "rbac:admin";

    public static final String FLAGS_WRITE = "flags:write";

    public static final List<String> ALL = List.of(HEALTH_READ, HEALTH_RUN, INCIDENTS_READ, INCIDENTS_WRITE, AUDIT_READ,
            AUDIT_WRITE, FINDINGS_READ, FINDINGS_WRITE, RBAC_ADMIN, FLAGS_WRITE);

    private Scopes() {
    }

    /** The Spring Security authority a scope becomes. */
    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }
}
