package dev.vigil.incident.alertmanager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.vigil.incident.domain.Occurrence;
import dev.vigil.incident.domain.Severity;
import org.jspecify.annotations.Nullable;

/** How an Alertmanager alert becomes an incident: its fingerprint is the signature. */
final class AlertMapping {

    static final String SOURCE = "alertmanager";

    private AlertMapping() {
    }

    /** {@code alertmanager:<fingerprint>}; without a fingerprint, a hash of the sorted labels, as Alertmanager's own. */
    static String signature(AlertmanagerPayload.Alert alert) {
        if (alert.fingerprint() != null && !alert.fingerprint().isBlank()) {
            return SOURCE + ":" + alert.fingerprint();
        }
        StringBuilder labels = new StringBuilder();
        new TreeMap<>(labels(alert)).forEach((name, value) -> labels.append(name).append('\u00ff').append(value).append('\u00ff'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(labels.toString().getBytes(StandardCharsets.UTF_8));
            return SOURCE + ":" + HexFormat.of().formatHex(hash, 0, 8);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JDK has SHA-256", ex);
        }
    }

    static Occurrence occurrence(AlertmanagerPayload.Alert alert, @Nullable String externalUrl, Instant now) {
        Map<String, String> labels = labels(alert);
        Map<String, String> annotations = (alert.annotations() != null) ? alert.annotations() : Map.of();
        String title = firstOf(annotations.get("summary"), labels.get("alertname"), "Alertmanager alert");
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("labels", labels);
        context.put("annotations", annotations);
        if (alert.generatorURL() != null) {
            context.put("generatorURL", alert.generatorURL());
        }
        if (externalUrl != null) {
            context.put("alertmanager", externalUrl);
        }
        return new Occurrence(signature(alert), SOURCE, title, annotations.get("description"),
                severity(labels.get("severity")), startedAt(alert.startsAt(), now), context, SOURCE);
    }

    /** Prometheus rules name severities freely; these are the common names. Unknown ones count as medium. */
    static Severity severity(@Nullable String label) {
        if (label == null) {
            return Severity.MEDIUM;
        }
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "critical", "page", "emergency", "fatal" -> Severity.CRITICAL;
            case "high", "error", "major" -> Severity.HIGH;
            case "low", "minor" -> Severity.LOW;
            case "info", "informational", "none" -> Severity.INFO;
            default -> Severity.MEDIUM;
        };
    }

    /** When the alert started firing; the receiver's clock if that is missing, unreadable or in the future. */
    private static Instant startedAt(@Nullable String startsAt, Instant now) {
        if (startsAt == null) {
            return now;
        }
        try {
            Instant started = Instant.parse(startsAt);
            return started.isAfter(now) ? now : started;
        }
        catch (DateTimeParseException ex) {
            return now;
        }
    }

    private static Map<String, String> labels(AlertmanagerPayload.Alert alert) {
        return (alert.labels() != null) ? alert.labels() : Map.of();
    }

    private static String firstOf(@Nullable String first, @Nullable String second, String fallback) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return (second != null && !second.isBlank()) ? second : fallback;
    }
}
