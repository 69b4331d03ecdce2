package dev.vigil.gateway.routing;

import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;

/**
 * One route: the requests it matches, the service it goes to, and what a caller needs to pass.
 *
 * @param id a name for logs and metrics
 * @param service the service name, a key of {@code vigil.gateway.services}
 * @param path the path pattern, e.g. {@code /api/security/incidents/{id}}
 * @param methods the HTTP methods the route accepts
 * @param scope the scope a bearer token must carry; required unless access is {@code signature}
 * @param access {@code scope} (a JWT with the scope) or {@code signature} (the service checks an HMAC signature itself)
 * @param staticToken a bearer token that admits callers as if they carried the scope, for systems that cannot get a
 * JWT (Alertmanager's {@code http_config}); empty: JWTs only
 */
public record RouteSpec(@NotBlank String id, @NotBlank String service, @NotBlank String path,
        @NotEmpty List<HttpMethod> methods, @Nullable String scope, @DefaultValue("scope") Access access,
        @Nullable String staticToken) {

    /** How a route authenticates its callers. */
    public enum Access {

        /** A valid JWT carrying the route's scope. */
        SCOPE,

        /** No JWT at the gateway: the service verifies the request's HMAC signature. */
        SIGNATURE

    }

    /** Whether a static bearer token is configured for this route. */
    public boolean hasStaticToken() {
        return this.staticToken != null && !this.staticToken.isBlank();
    }

    @AssertTrue(message = "a static token must be at least 32 characters")
    boolean isStaticTokenStrong() {
        return !hasStaticToken() || this.staticToken.length() >= 32;
    }

    @AssertTrue(message = "a route with access 'scope' must name the scope it needs")
    boolean isScopeDeclared() {
        return this.access != Access.SCOPE || (this.scope != null && !this.scope.isBlank());
    }
}
