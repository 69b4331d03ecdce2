package dev.vigil.incident.events;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.Occurrence;
import dev.vigil.incident.domain.Status;

import org.springframework.stereotype.Component;

/**
 * Raises received but not stored yet, typically because the database is down. The API answers
 * from them while it cannot read the database, so an incident about the outage is visible during
 * the outage; once stored (with the raise's detection time) a raise is released.
 */
@Component
public class PendingIncidents {

    private final Map<String, Occurrence> byEventId = new ConcurrentHashMap<>();

    void hold(String eventId, Occurrence occurrence) {
        this.byEventId.put(eventId, occurrence);
    }

    void release(String eventId) {
        this.byEventId.remove(eventId);
    }

    /** One incident per signature, as it would be once stored: newest first. */
    public List<Incident> incidents() {
        Map<String, Incident> bySignature = new HashMap<>();
        this.byEventId.values().forEach(occurrence -> bySignature.merge(occurrence.effectiveSignature(),
                incident(occurrence), PendingIncidents::combine));
        return bySignature.values().stream().sorted(Comparator.comparing(Incident::detectedAt).reversed()).toList();
    }

    private static Incident incident(Occurrence occurrence) {
        Instant at = occurrence.detectedAt();
        return new Incident(occurrence.id(), occurrence.effectiveSignature(), occurrence.source(), occurrence.title(),
                occurrence.description(), occurrence.severity(), Status.OPEN, 1, at, at, null, null, false,
                occurrence.context(), at);
    }

    private static Incident combine(Incident first, Incident second) {
        Incident earlier = first.detectedAt().isAfter(second.detectedAt()) ? second : first;
        Instant lastSeen = first.lastSeenAt().isAfter(second.lastSeenAt()) ? first.lastSeenAt() : second.lastSeenAt();
        return new Incident(earlier.id(), earlier.signature(), earlier.source(), earlier.title(), earlier.description(),
                earlier.severity(), Status.OPEN, first.occurrenceCount() + second.occurrenceCount(), earlier.detectedAt(),
                lastSeen, null, null, false, earlier.context(), lastSeen);
    }
}
