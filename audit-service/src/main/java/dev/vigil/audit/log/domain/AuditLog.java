package dev.vigil.audit.log.domain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The append-only audit log. */
public interface AuditLog {

    /** Appends the entry, or returns the entry already appended under the same event id. */
    Mono<AuditEntry> append(NewAuditEntry entry);

    /** Entries matching the query, newest first. */
    Flux<AuditEntry> find(AuditQuery query);
}
