package dev.vigil.audit.log.domain;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The append-only audit log. */
public interface AuditLog {

    /** Appends the entry, or returns the entry already appended under the same event id. */
    Mono<AuditEntry> append(NewAuditEntry entry);

    /** Appends a batch in one transaction and in its order; each answer as {@link #append}. */
    Mono<List<AuditEntry>> appendAll(List<NewAuditEntry> entries);

    /** Entries matching the query, newest first. */
    Flux<AuditEntry> find(AuditQuery query);

    /** Every entry matching the query (its limit and cursor ignored), oldest first, as a stream of any length. */
    Flux<AuditEntry> export(AuditQuery query);
}
