package dev.vigil.audit.log.canonical;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import dev.vigil.audit.log.domain.NewAuditEntry;
import org.jspecify.annotations.Nullable;

/**
 * The leaf of an audit entry: its fields as RFC 8785 canonical JSON. Verification rebuilds it
 * from the stored columns, so a column changed behind the log's back no longer matches.
 * <p>
 * The members are written straight out, already in canonical order (the UTF-16 order of their
 * names), because verification builds a million of these: it is the same text as serializing
 * the object with {@link CanonicalJson}, which {@code AuditLeafTest} checks.
 */
public final class AuditLeaf {

    private AuditLeaf() {
    }

    /** The leaf of {@code entry} appended as number {@code seq} at {@code time}. */
    public static String of(long seq, Instant time, NewAuditEntry entry) {
        StringBuilder out = new StringBuilder(384);
        out.append("{\"action\":");
        CanonicalJson.writeString(entry.action(), out);
        out.append(",\"eventId\":");
        CanonicalJson.writeString(entry.eventId().toString(), out);
        out.append(",\"ip\":");
        nullable(entry.ip(), out);
        out.append(",\"metadata\":");
        CanonicalJson.writeValue(entry.metadata(), out);
        // Integers this small are written by JSON canonicalization exactly as Java writes them.
        out.append(",\"outcome\":").append(entry.outcome());
        out.append(",\"requestId\":");
        nullable(entry.requestId(), out);
        out.append(",\"resource\":");
        CanonicalJson.writeString(entry.resource(), out);
        out.append(",\"seq\":").append(seq);
        out.append(",\"source\":");
        CanonicalJson.writeString(entry.source(), out);
        out.append(",\"time\":");
        CanonicalJson.writeString(DateTimeFormatter.ISO_INSTANT.format(time), out);
        out.append(",\"user\":");
        nullable(entry.user(), out);
        out.append(",\"userAgent\":");
        nullable(entry.userAgent(), out);
        return out.append('}').toString();
    }

    private static void nullable(@Nullable String value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        }
        else {
            CanonicalJson.writeString(value, out);
        }
    }
}
