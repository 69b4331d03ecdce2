package dev.vigil.audit.log.canonical;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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

    public String of(long seq, UUID eventId, Instant time, @Nullable String user, String action, String resource,
            int outcome, @Nullable String ip, @Nullable String userAgent, Map<String, Object> metadata,
            @Nullable String requestId, String source) {
        ObjectNode leaf = this.json.createObjectNode();
        leaf.put("seq", seq);
        leaf.put("eventId", eventId.toString());
        leaf.put("time", DateTimeFormatter.ISO_INSTANT.format(time));
        leaf.put("user", user);
        leaf.put("action", action);
        leaf.put("resource", resource);
        leaf.put("outcome", outcome);
        leaf.put("ip", ip);
        leaf.put("userAgent", userAgent);
        leaf.set("metadata", this.json.valueToTree(metadata));
        leaf.put("requestId", requestId);
        leaf.put("source", source);
        return CanonicalJson.serialize(leaf);
    }
}
