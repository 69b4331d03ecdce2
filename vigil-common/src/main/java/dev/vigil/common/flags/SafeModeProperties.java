package dev.vigil.common.flags;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What safe mode still lets through.
 *
 * @param allowedWrites path patterns of the non-read requests that stay open in safe mode: the ones people need to
 * handle the outage (flags, incidents, alerts, running health checks) and POSTs that only read (audit verification)
 */
@ConfigurationProperties("vigil.safe-mode")
public record SafeModeProperties(@DefaultValue({ "/api/security/flags/*", "/api/security/incidents",
        "/api/security/incidents/*", "/api/security/alertmanager", "/api/security/cron/health-check",
        "/api/security/health/checks/*/run", "/api/security/audit/verify" }) List<String> allowedWrites) {
}
