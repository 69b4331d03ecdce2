package dev.vigil.common.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** The kinds of error Vigil answers, each with its own {@code type} URI (RFC 9457). */
public enum ProblemType {

    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad request"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    NOT_IMPLEMENTED("not-implemented", HttpStatus.NOT_IMPLEMENTED, "Not implemented yet"),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    SAFE_MODE("safe-mode", HttpStatus.SERVICE_UNAVAILABLE, "Safe mode: changes are paused"),
    GATEWAY_TIMEOUT("gateway-timeout", HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout"),
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    /** Where the problem types are documented; see docs/api/problems.md. */
    public static final String BASE_URI = "https://vigil.dev/problems/";

    private final URI type;

    private final HttpStatus status;

    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.type = URI.create(BASE_URI + slug);
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return this.type;
    }

    public HttpStatus status() {
        return this.status;
    }

    public String title() {
        return this.title;
    }

    /** The kind for a status code, falling back to the class of the code. */
    public static ProblemType forStatus(int status) {
        for (ProblemType kind : values()) {
            if (kind.status.value() == status) {
                return kind;
            }
        }
        return (status >= 500) ? INTERNAL : BAD_REQUEST;
    }
}
