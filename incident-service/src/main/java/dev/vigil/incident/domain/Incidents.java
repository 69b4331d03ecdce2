package dev.vigil.incident.domain;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The incidents, their timelines, and every way they change. Each change is one transaction with its events. */
public interface Incidents {

    /** Opens an incident, or counts one more occurrence of the unresolved one with the same signature. */
    default Mono<Raised> raise(Occurrence occurrence) {
        return raise(occurrence, 1);
    }

    /** As {@link #raise(Occurrence)}, for {@code times} identical occurrences at once (one statement, one event). */
    Mono<Raised> raise(Occurrence occurrence, int times);

    /** The incident, or empty. */
    Mono<Incident> find(UUID id);

    /** Its changes, oldest first. */
    Flux<TimelineEntry> timeline(UUID id);

    /** Newest first (by detection time), a page at a time. */
    Flux<Incident> list(IncidentQuery query);

    /**
     * A person's change: the incident is theirs from then on. Errors with {@link NoSuchIncident},
     * {@link IllegalMove} or {@link SignatureInUse}.
     */
    Mono<Incident> change(UUID id, IncidentChange change, String actor);

    /**
     * Automation's resolution, e.g. a health breach that closed or an alert that stopped firing: resolves the
     * unresolved incident with this signature unless a person has taken it over. Empty when nothing was resolved.
     */
    Mono<Incident> resolve(String signature, String actor, String note);

    /** A raise's outcome: the incident, and whether this occurrence opened it. */
    record Raised(Incident incident, boolean opened) {
    }

    /** The incident asked for does not exist. */
    final class NoSuchIncident extends RuntimeException {

        public NoSuchIncident(UUID id) {
            super("no incident " + id);
        }
    }

    /** Reopening it would make two unresolved incidents with one signature. */
    final class SignatureInUse extends RuntimeException {

        public SignatureInUse(UUID id) {
            super("another unresolved incident has the signature of " + id + "; update that one instead");
        }
    }

    /** A status move the lifecycle does not allow. */
    final class IllegalMove extends RuntimeException {

        private final transient List<Status> allowed;

        public IllegalMove(Status from, Status to) {
            super("an incident cannot move from " + from.wire() + " to " + to.wire());
            this.allowed = List.copyOf(from.moves());
        }

        public List<Status> allowed() {
            return this.allowed;
        }
    }
}
