package dev.vigil.gateway.audit;

import java.util.List;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which requests the gateway audits and how many audit events it may hold while Kafka is slow.
 *
 * @param adminPaths path patterns audited on every request, reads included (state-changing requests are always audited)
 * @param bufferCapacity most audit events held in memory; past it, events are dropped, counted and health shows DEGRADED
 */
@Validated
@ConfigurationProperties("vigil.gateway.audit")
public record RequestAuditProperties(
        @DefaultValue({ "/api/security/rbac/**", "/api/security/flags/**", "/api/security/audit/**",
                "/admin/**" }) List<String> adminPaths,
        @DefaultValue("10000") @Min(1) int bufferCapacity) {
}
