package dev.vigil.common.events;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudEventCodecTest {

    private final CloudEventCodec codec = new CloudEventCodec(JsonMapper.builder().build());

    @Test
    void roundTripsAnEventWithItsData() {
        AuditRecorded data = new AuditRecorded("alice", "10.0.0.1", "curl", "POST", "/api/security/incidents", 201,
                Map.of("k", "v"), "req-1");
        CloudEvent event = CloudEvent.create("/vigil/gateway", AuditRecorded.TYPE, "req-1", codec.toTree(data));

        CloudEvent read = codec.decode(codec.encode(event));

        assertThat(read).isEqualTo(event);
        assertThat(codec.data(read, AuditRecorded.class)).isEqualTo(data);
    }

    @Test
    void writesTheCloudEventsAttributeNamesAndAnRfc3339Time() {
        CloudEvent event = CloudEvent.create("/vigil/test", "dev.vigil.test.done", "s-1", codec.toTree(Map.of()));

        String json = codec.encode(event);

        assertThat(json).contains("\"specversion\":\"1.0\"", "\"source\":\"/vigil/test\"", "\"subject\":\"s-1\"",
                "\"datacontenttype\":\"application/json\"");
        assertThat(json).containsPattern("\"time\":\"\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z\"");
    }

    @Test
    void givesTimeOrderedIds() {
        String first = CloudEvent.create("/s", "t", "x", codec.toTree(Map.of())).id();
        String second = CloudEvent.create("/s", "t", "x", codec.toTree(Map.of())).id();

        assertThat(first.charAt(14)).as("UUID version").isEqualTo('7');
        assertThat(first).isLessThan(second);
    }

    @Test
    void rejectsAnEventWithoutAnId() {
        String json = "{\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"t\",\"time\":\"2026-01-01T00:00:00Z\",\"subject\":\"x\"}";

        assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> codec.decode(json));
    }

    @Test
    void rejectsAnotherSpecVersion() {
        String json = "{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"time\":\"2026-01-01T00:00:00Z\",\"subject\":\"x\"}";

        assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> codec.decode(json));
    }

    @Test
    void rejectsText() {
        assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> codec.decode("not json"));
    }
}
