package dev.vigil.audit.log.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.vigil.audit.log.domain.LogProofs;
import dev.vigil.audit.log.domain.LogPruning;
import dev.vigil.audit.log.domain.PrunePoint;
import dev.vigil.audit.log.domain.LogVerifier;
import dev.vigil.audit.log.domain.NewAuditEntry;
import dev.vigil.audit.log.domain.Verification;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes the log in stretches of {@value #CHUNK} entries, several at a time (each its own
 * query, on its own connection), and then, when the range reaches the end of the log, the root
 * from the stretches' subtrees (and the stored ones before the range), compared with the root of
 * the stored tree. Pruned entries are skipped: the chain resumes from the prune's anchor hash.
 */
@Component
class R2dbcLogVerifier implements LogVerifier {

    /** A power of two, so every full stretch is one perfect subtree. */
    static final int CHUNK = 1 << 16;

    /**
     * Stretches in flight. Their rows are decoded on the event loop of each one's connection, and
     * several connections can share a loop, so more stretches than cores spread the decoding.
     */
    private static final int PARALLEL = 8;

    private static final int ROWS_IN_FLIGHT = 1024;

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private static final String ENTRIES = "select e.seq, e.recorded_at, e.event_id, e.actor, e.action, e.resource, "
            + "e.outcome, e.ip, e.user_agent, e.metadata, e.request_id, e.source, e.leaf, e.prev_hash, e.hash, "
            + "t.hash as tree_leaf_hash from audit_entries e "
            + "left join tree_nodes t on t.level = 0 and t.idx = e.seq "
            + "where e.seq >= :start and e.seq < :end order by e.seq";

    private final DatabaseClient db;

    private final JsonMapper json;

    private final LogProofs tree;

    private final LogPruning pruning;

    private final TreeNodes nodes;

    R2dbcLogVerifier(DatabaseClient db, JsonMapper json, LogProofs tree, LogPruning pruning) {
        this.db = db;
        this.json = json;
        this.tree = tree;
        this.pruning = pruning;
        this.nodes = new TreeNodes(db);
    }

    @Override
    public Mono<Verification> verify(long from, @Nullable Long to) {
        return this.pruning.prunePoint().flatMap(pruned -> this.tree.size().flatMap(size -> {
            long start = Math.max(from, pruned.prunedBefore());
            long end = (to == null || to > size) ? size : to;
            if (start >= end) {
                return Mono.just(Verification.passed(0, size, pruned.prunedBefore()));
            }
            return Flux.fromIterable(stretches(start, end))
                .flatMapSequential(stretch -> check(stretch, start, pruned), PARALLEL, 1)
                .takeUntil(ChunkCheck::broken)
                .collectList()
                .flatMap(checks -> conclude(checks, end == size, size, pruned.prunedBefore()));
        }));
    }

    /** [start, end) cut at multiples of {@link #CHUNK}. */
    private static List<long[]> stretches(long start, long end) {
        List<long[]> stretches = new ArrayList<>();
        for (long at = start; at < end; at = (at / CHUNK + 1) * CHUNK) {
            stretches.add(new long[] { at, Math.min(end, (at / CHUNK + 1) * CHUNK) });
        }
        return stretches;
    }

    private Mono<ChunkCheck> check(long[] stretch, long rangeStart, PrunePoint pruned) {
        long start = stretch[0];
        Mono<byte[]> prev = (start == pruned.prunedBefore()) ? Mono.just(pruned.anchorHash()) : previousHash(start);
        // The stored tree nodes before the range stand in for the leaves not checked (or pruned).
        Mono<SubtreeStack> tree = (start == rangeStart) ? storedPrefix(start) : Mono.just(new SubtreeStack());
        return Mono.zip(prev, tree).flatMap(prevAndTree -> {
            ChunkCheck check = new ChunkCheck(start, stretch[1], prevAndTree.getT1(), prevAndTree.getT2());
            return this.db.sql(ENTRIES)
                .bind("start", start)
                .bind("end", stretch[1])
                .map(this::toStoredEntry)
                .all()
                // Off the connection's event loop, which two stretches' connections may share.
                .publishOn(Schedulers.parallel(), ROWS_IN_FLIGHT)
                .takeWhile(check::check)
                .then(Mono.fromSupplier(check::finish));
        });
    }

    private Mono<byte[]> previousHash(long seq) {
        return this.db.sql("select hash from audit_entries where seq = :seq")
            .bind("seq", seq - 1)
            .map(row -> row.get("hash", byte[].class))
            .one()
            .defaultIfEmpty(new byte[0]);
    }

    /** The stored perfect subtrees over entries [0, end); one missing leaves the root wrong, which is reported. */
    private Mono<SubtreeStack> storedPrefix(long end) {
        List<TreeNodes.Key> keys = StoredTree.perfectSubtrees(0, end);
        return this.nodes.fetch(keys).map(found -> {
            SubtreeStack prefix = new SubtreeStack();
            keys.stream().filter(found::containsKey).forEach(key -> prefix.add(key.level(), found.get(key)));
            return prefix;
        });
    }

    private ChunkCheck.StoredEntry toStoredEntry(Readable row) {
        Json metadata = row.get(9, Json.class);
        NewAuditEntry fields = new NewAuditEntry(row.get(2, UUID.class), row.get(3, String.class),
                row.get(4, String.class), row.get(5, String.class), Objects.requireNonNull(row.get(6, Integer.class)),
                row.get(7, String.class), row.get(8, String.class),
                (metadata != null) ? this.json.readValue(metadata.asString(), OBJECT) : Map.of(),
                row.get(10, String.class), row.get(11, String.class));
        return new ChunkCheck.StoredEntry(Objects.requireNonNull(row.get(0, Long.class)),
                row.get(1, OffsetDateTime.class).toInstant(), fields, row.get(12, String.class),
                row.get(13, byte[].class), row.get(14, byte[].class), row.get(15, byte[].class));
    }

    /** The first break, in log order; else, up to the end of the log, the root recomputed against the stored one. */
    private Mono<Verification> conclude(List<ChunkCheck> checks, boolean toTheEnd, long size, long prunedBefore) {
        long checked = checks.stream().mapToLong(ChunkCheck::checked).sum();
        ChunkCheck last = checks.getLast();
        if (last.broken()) {
            return Mono.just(Verification.broken(checked, size, prunedBefore, last.brokenAt(), last.reason()));
        }
        if (!toTheEnd) {
            return Mono.just(Verification.passed(checked, size, prunedBefore));
        }
        SubtreeStack leaves = new SubtreeStack();
        checks.forEach(check -> leaves.addAll(check.tree()));
        return this.tree.root(size)
            .map(stored -> Arrays.equals(stored, leaves.root()) ? Verification.passed(checked, size, prunedBefore)
                    : Verification.broken(checked, size, prunedBefore, size - 1,
                            "the stored tree's root is not the root of the leaves"));
    }
}
