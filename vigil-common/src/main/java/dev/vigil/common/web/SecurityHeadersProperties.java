package dev.vigil.common.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The values of the security headers every response carries.
 *
 * @param contentSecurityPolicy the Content-Security-Policy; the default allows nothing but same-origin resources
 * @param strictTransportSecurity the Strict-Transport-Security value
 * @param referrerPolicy the Referrer-Policy value
 */
@ConfigurationProperties("vigil.security-headers")
public record SecurityHeadersProperties(
        @DefaultValue("default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'") String contentSecurityPolicy,
        @DefaultValue("max-age=31536000; includeSubDomains") String strictTransportSecurity,
        @DefaultValue("no-referrer") String referrerPolicy) {
}
