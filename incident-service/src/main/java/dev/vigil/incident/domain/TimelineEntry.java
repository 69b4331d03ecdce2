package dev.vigil.incident.domain;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One change of an incident.
 *
 * @param kind {@code created}, {@code status}, {@code severity}, {@code title}, {@code assignee} or {@code note}
 * @param change what changed, e.g. {@code {"from": "open", "to": "investigating"}}
 */
public record TimelineEntry(Instant at, String actor, String kind, Map<String, Object> change, @Nullable String note) {
}
