package dev.vigil.audit.log.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.audit.log.canonical.AuditLeaf;
import dev.vigil.audit.log.domain.AuditEntry;
import dev.vigil.audit.log.domain.NewAuditEntry;
import dev.vigil.verify.MerkleTree;
import dev.vigil.verify.Sha256;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Parameters;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Appends entries in one transaction per batch, under a lock, so the log has one order: each new
 * entry takes the next sequence number (its leaf index), its canonical leaf, its chain hash, and
 * the Merkle tree nodes it completes. Entries whose event id is already in the log are answered
 * with the stored entry and appended again never.
 */
class LogAppender {

    static final byte[] GENESIS = new byte[32];

    /** Held by every transaction that moves the log's head or start, for the rest of it. */
    static final String LOCK = "select pg_advisory_xact_lock(hashtext('vigil.audit.append'))";

    private final DatabaseClient db;

    private final TransactionalOperator tx;

    private final TreeNodes nodes;

    private final JsonMapper json;

    LogAppender(DatabaseClient db, TransactionalOperator tx, TreeNodes nodes, JsonMapper json) {
        this.db = db;
        this.tx = tx;
        this.nodes = nodes;
        this.json = json;
    }

    /** The stored entries for {@code batch}, in its order. */
    Mono<List<AuditEntry>> append(List<NewAuditEntry> batch, Lookup existing) {
        Mono<List<AuditEntry>> work = this.db.sql(LOCK)
            .then()
            .then(existing.byEventIds(batch.stream().map(NewAuditEntry::eventId).distinct().toList()))
            .flatMap(stored -> head().flatMap(head -> appendNew(batch, stored, head)));
        return this.tx.transactional(work);
    }

    /** Finds entries already in the log by event id. */
    interface Lookup {

        Mono<Map<UUID, AuditEntry>> byEventIds(List<UUID> eventIds);
    }

    private record Head(long size, byte[] hash) {
    }

    private Mono<Head> head() {
        return this.db.sql("select seq, hash from audit_entries order by seq desc limit 1")
            .map(row -> new Head(row.get("seq", Long.class) + 1, orGenesis(row.get("hash", byte[].class))))
            .one()
            .defaultIfEmpty(new Head(0, GENESIS));
    }

    private static byte[] orGenesis(byte[] hash) {
        return (hash != null) ? hash : GENESIS;
    }

    private Mono<List<AuditEntry>> appendNew(List<NewAuditEntry> batch, Map<UUID, AuditEntry> stored, Head head) {
        Map<UUID, AuditEntry> result = new HashMap<>(stored);
        List<AuditEntry> created = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long seq = head.size();
        byte[] prev = head.hash();
        for (NewAuditEntry entry : batch) {
            if (result.containsKey(entry.eventId())) {
                continue;
            }
            String leaf = AuditLeaf.of(seq, now, entry);
            byte[] hash = chain(prev, leaf.getBytes(StandardCharsets.UTF_8));
            AuditEntry appended = new AuditEntry(seq, entry.eventId(), now, entry.user(), entry.action(),
                    entry.resource(), entry.outcome(), entry.ip(), entry.userAgent(), entry.metadata(),
                    entry.requestId(), entry.source(), leaf, prev, hash);
            created.add(appended);
            result.put(entry.eventId(), appended);
            prev = hash;
            seq++;
        }
        if (created.isEmpty()) {
            return Mono.just(inOrder(batch, result));
        }
        return this.nodes.fetch(TreeNodes.frontier(head.size()))
            .map(frontier -> completedNodes(created, frontier))
            .flatMap(newNodes -> insertEntries(created).then(this.nodes.insert(newNodes)))
            .then(Mono.fromSupplier(() -> inOrder(batch, result)));
    }

    private static List<AuditEntry> inOrder(List<NewAuditEntry> batch, Map<UUID, AuditEntry> result) {
        return batch.stream().map(entry -> result.get(entry.eventId())).toList();
    }

    /** The leaf nodes of the new entries and every subtree they complete. */
    private static Map<TreeNodes.Key, byte[]> completedNodes(List<AuditEntry> created,
            Map<TreeNodes.Key, byte[]> frontier) {
        Map<TreeNodes.Key, byte[]> known = new HashMap<>(frontier);
        Map<TreeNodes.Key, byte[]> added = new LinkedHashMap<>();
        for (AuditEntry entry : created) {
            int level = 0;
            long idx = entry.seq();
            byte[] hash = MerkleTree.leafHash(entry.leaf().getBytes(StandardCharsets.UTF_8));
            put(new TreeNodes.Key(level, idx), hash, known, added);
            while ((idx & 1) == 1) {
                byte[] left = known.get(new TreeNodes.Key(level, idx - 1));
                if (left == null) {
                    throw new IllegalStateException("tree node " + level + "/" + (idx - 1) + " is missing");
                }
                hash = MerkleTree.nodeHash(left, hash);
                level++;
                idx >>= 1;
                put(new TreeNodes.Key(level, idx), hash, known, added);
            }
        }
        return added;
    }

    private static void put(TreeNodes.Key key, byte[] hash, Map<TreeNodes.Key, byte[]> known,
            Map<TreeNodes.Key, byte[]> added) {
        known.put(key, hash);
        added.put(key, hash);
    }

    /** The chain of the seed design: SHA-256(previous hash || leaf). */
    static byte[] chain(byte[] prev, byte[] leaf) {
        MessageDigest sha256 = Sha256.digest();
        sha256.update(prev);
        return sha256.digest(leaf);
    }

    /**
     * One multi-row insert. Its values are bound in one call: binding them one by one copies the
     * statement's bindings each time, which made the cost of a batch grow with its square.
     */
    private Mono<Void> insertEntries(List<AuditEntry> created) {
        StringBuilder sql = new StringBuilder("insert into audit_entries (seq, event_id, recorded_at, actor, action, "
                + "resource, outcome, ip, user_agent, metadata, request_id, source, leaf, prev_hash, hash) values ");
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < created.size(); i++) {
            sql.append(i > 0 ? "," : "").append('(');
            for (String column : COLUMNS) {
                sql.append(column.equals("seq") ? "" : ",").append(':').append(column).append(i);
            }
            sql.append(')');
            AuditEntry e = created.get(i);
            values.put("seq" + i, e.seq());
            values.put("eventId" + i, e.eventId());
            values.put("time" + i, e.recordedAt().atOffset(ZoneOffset.UTC));
            values.put("actor" + i, nullable(e.user()));
            values.put("action" + i, e.action());
            values.put("resource" + i, e.resource());
            values.put("outcome" + i, e.outcome());
            values.put("ip" + i, nullable(e.ip()));
            values.put("userAgent" + i, nullable(e.userAgent()));
            values.put("metadata" + i, Json.of(this.json.writeValueAsString(e.metadata())));
            values.put("requestId" + i, nullable(e.requestId()));
            values.put("source" + i, e.source());
            values.put("leaf" + i, e.leaf());
            values.put("prev" + i, e.prevHash());
            values.put("hash" + i, e.hash());
        }
        return this.db.sql(sql.toString()).bindValues(values).then();
    }

    private static final List<String> COLUMNS = List.of("seq", "eventId", "time", "actor", "action", "resource",
            "outcome", "ip", "userAgent", "metadata", "requestId", "source", "leaf", "prev", "hash");

    private static Object nullable(@Nullable String value) {
        return (value != null) ? value : Parameters.in(String.class);
    }
}
