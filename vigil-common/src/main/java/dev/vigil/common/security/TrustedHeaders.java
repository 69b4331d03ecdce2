package dev.vigil.common.security;

/**
 * Headers the gateway sets from the validated token for the services behind it. The gateway
 * strips any caller-sent copy first; services are reachable only from the gateway.
 */
public final class TrustedHeaders {

    /** The token's subject. */
    public static final String SUBJECT = "X-Vigil-Subject";

    private TrustedHeaders() {
    }
}
