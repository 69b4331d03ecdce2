package dev.vigil.common.events;

/** Kafka topics, one per event family, versioned in the name. */
public enum Topic {

    AUDIT("vigil.audit.v1"),
    HEALTH("vigil.health.v1"),
    INCIDENT("vigil.incident.v1"),
    FINDING("vigil.finding.v1"),
    RBAC("vigil.rbac.v1"),
    /** Log-compacted: key = flag name, value = its current state. */
    FLAGS("vigil.flags.v1");

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return this.topicName;
    }
}
