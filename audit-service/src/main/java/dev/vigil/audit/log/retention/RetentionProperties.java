package dev.vigil.audit.log.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the audit log keeps entries.
 *
 * @param retention entries older than this may be pruned; at least {@link #MINIMUM}, which is also the default
 * @param pruneInterval how often the pruner looks for entries past the retention
 */
@ConfigurationProperties("vigil.audit")
public record RetentionProperties(@DefaultValue("P90D") Duration retention, @DefaultValue("PT6H") Duration pruneInterval) {

    /** Audit evidence is kept at least this long, whatever the configuration says. */
    public static final Duration MINIMUM = Duration.ofDays(90);

    public RetentionProperties {
        if (retention.compareTo(MINIMUM) < 0) {
            throw new IllegalArgumentException("vigil.audit.retention is " + retention + "; the minimum is " + MINIMUM
                    + " (90 days)");
        }
    }
}
