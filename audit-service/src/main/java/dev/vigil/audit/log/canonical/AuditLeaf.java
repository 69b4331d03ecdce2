package dev.vigil.audit.log.canonical;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import dev.vigil.audit.log.domain.NewAuditEntry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The leaf of an audit entry: its fields as RFC 8785 canonical JSON. Verification rebuilds it
 * from the stored columns, so a column changed behind the log's back no longer matches.
 */
public final class AuditLeaf {

    private final JsonMapper json;

    public AuditLeaf(JsonMapper json) {
        this.json = json;
    }

    /** The leaf of {@code entry} appended as number {@code seq} at {@code time}. */
    public String of(long seq, Instant time, NewAuditEntry entry) {
        ObjectNode leaf = this.json.createObjectNode();
        leaf.put("seq", seq);
        leaf.put("eventId", entry.eventId().toString());
        leaf.put("time", DateTimeFormatter.ISO_INSTANT.format(time));
        leaf.put("user", entry.user());
        leaf.put("action", entry.action());
        leaf.put("resource", entry.resource());
        leaf.put("outcome", entry.outcome());
        leaf.put("ip", entry.ip());
        leaf.put("userAgent", entry.userAgent());
        leaf.set("metadata", this.json.valueToTree(entry.metadata()));
        leaf.put("requestId", entry.requestId());
        leaf.put("source", entry.source());
        return CanonicalJson.serialize(leaf);
    }
}
