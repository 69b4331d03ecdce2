package dev.vigil.common.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes CloudEvents as structured-mode JSON, rejecting events that lack a required attribute. */
public final class CloudEventCodec {

    private final JsonMapper mapper;

    public CloudEventCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String encode(CloudEvent event) {
        return this.mapper.writeValueAsString(event);
    }

    /** @throws MalformedEventException when the JSON is unreadable or not a CloudEvents 1.0 event */
    public CloudEvent decode(String json) {
        CloudEvent event;
        try {
            event = this.mapper.readValue(json, CloudEvent.class);
        }
        catch (JacksonException | NullPointerException ex) {
            throw new MalformedEventException("not a CloudEvent: " + ex.getMessage(), ex);
        }
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new MalformedEventException("unsupported specversion " + event.specversion(), null);
        }
        return event;
    }

    public <T> T data(CloudEvent event, Class<T> type) {
        JsonNode data = event.data();
        if (data == null || data.isNull()) {
            throw new MalformedEventException("event " + event.id() + " has no data", null);
        }
        try {
            return this.mapper.treeToValue(data, type);
        }
        catch (JacksonException ex) {
            throw new MalformedEventException("event " + event.id() + " data is not a " + type.getSimpleName(), ex);
        }
    }

    public JsonNode toTree(Object data) {
        return this.mapper.valueToTree(data);
    }
}
