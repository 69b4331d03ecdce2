package dev.vigil.audit.log.canonical;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.audit.log.domain.NewAuditEntry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The leaf written member by member is exactly the entry object serialized canonically. */
class AuditLeafTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void isTheCanonicalSerializationOfTheEntryObject() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("zeta", List.of(1, 2.5, "x", true));
        metadata.put("Alpha", Map.of("nested", "\"quoted\"\n", "n", 1e21));
        metadata.put("é", null);
        metadata.put("big", 12345678901234567L);
        NewAuditEntry full = new NewAuditEntry(UUID.fromString("01a20852-d3d2-7dd3-a038-3fbcd0c6bbd5"), "alice\u2028",
                "incident.update", "/api/security/incidents/1", 409, "10.0.0.1", "curl/8 \"x\"", metadata, "req-1",
                "/vigil/gateway");
        NewAuditEntry sparse = new NewAuditEntry(UUID.fromString("01a20852-d3d2-7dd3-a038-3fbcd0c6bbd6"), null, "a", "/r",
                200, null, null, Map.of(), null, "/vigil/api");
        Instant time = Instant.parse("2026-11-23T12:13:00.294989Z");
        for (NewAuditEntry entry : List.of(full, sparse)) {
            assertThat(AuditLeaf.of(42, time, entry)).isEqualTo(CanonicalJson.serialize(object(42, time, entry)));
        }
    }

    /** The entry as a JSON object, members in no particular order. */
    private ObjectNode object(long seq, Instant time, NewAuditEntry entry) {
        ObjectNode leaf = this.json.createObjectNode();
        leaf.put("userAgent", entry.userAgent());
        leaf.put("seq", seq);
        leaf.put("eventId", entry.eventId().toString());
        leaf.put("time", time.toString());
        leaf.put("user", entry.user());
        leaf.put("action", entry.action());
        leaf.put("resource", entry.resource());
        leaf.put("outcome", entry.outcome());
        leaf.put("ip", entry.ip());
        leaf.set("metadata", this.json.valueToTree(entry.metadata()));
        leaf.put("requestId", entry.requestId());
        leaf.put("source", entry.source());
        return leaf;
    }
}
