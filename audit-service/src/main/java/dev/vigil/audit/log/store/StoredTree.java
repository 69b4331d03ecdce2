package dev.vigil.audit.log.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.vigil.audit.log.domain.LogProofs;
import dev.vigil.common.resilience.DependencyGuard;
import dev.vigil.verify.MerkleTree;
import dev.vigil.verify.SubtreeHashes;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import static dev.vigil.common.resilience.DependencyGuard.Dependency.DATABASE;

/**
 * Roots and proofs from the stored perfect subtrees. A proof is computed twice: once to learn
 * which subtree hashes it needs (a few dozen at most), then, after one query fetched them all,
 * for real. Nothing recomputes the tree.
 */
@Component
class StoredTree implements LogProofs {

    private static final byte[] PLACEHOLDER = new byte[32];

    private final DatabaseClient db;

    private final TreeNodes nodes;

    private final DependencyGuard guard;

    StoredTree(DatabaseClient db, DependencyGuard guard) {
        this.db = db;
        this.nodes = new TreeNodes(db);
        this.guard = guard;
    }

    @Override
    public Mono<Long> size() {
        return this.db.sql("select coalesce(max(seq) + 1, 0) as size from audit_entries")
            .map(row -> row.get("size", Long.class))
            .one()
            .transform(size -> this.guard.repeatable(DATABASE, size));
    }

    @Override
    public Mono<byte[]> root(long size) {
        return (size == 0) ? Mono.just(MerkleTree.emptyRoot()) : compute(hashes -> hashes.hash(0, size));
    }

    @Override
    public Mono<List<byte[]>> inclusionProof(long seq, long size) {
        return compute(hashes -> MerkleTree.inclusionProof(seq, size, hashes));
    }

    @Override
    public Mono<List<byte[]>> consistencyProof(long first, long second) {
        return compute(hashes -> MerkleTree.consistencyProof(first, second, hashes));
    }

    private <T> Mono<T> compute(Function<SubtreeHashes, T> proof) {
        Set<TreeNodes.Key> needed = new LinkedHashSet<>();
        proof.apply((start, end) -> {
            needed.addAll(perfectSubtrees(start, end));
            return PLACEHOLDER;
        });
        return this.guard.repeatable(DATABASE, this.nodes.fetch(new ArrayList<>(needed)))
            .map(found -> proof.apply((start, end) -> hash(start, end, found)));
    }

    /** MTH(D[start:end]) from its perfect subtrees, largest first, folded from the right as RFC 9162 splits. */
    private static byte[] hash(long start, long end, Map<TreeNodes.Key, byte[]> found) {
        List<TreeNodes.Key> parts = perfectSubtrees(start, end);
        byte[] hash = node(parts.getLast(), found);
        for (int i = parts.size() - 2; i >= 0; i--) {
            hash = MerkleTree.nodeHash(node(parts.get(i), found), hash);
        }
        return hash;
    }

    private static byte[] node(TreeNodes.Key key, Map<TreeNodes.Key, byte[]> found) {
        byte[] hash = found.get(key);
        if (hash == null) {
            throw new IllegalStateException("tree node " + key + " is missing");
        }
        return hash;
    }

    /** [start, end) as aligned perfect subtrees of decreasing size. */
    static List<TreeNodes.Key> perfectSubtrees(long start, long end) {
        List<TreeNodes.Key> parts = new ArrayList<>();
        long at = start;
        while (at < end) {
            long size = Long.highestOneBit(end - at);
            while (at % size != 0) {
                size >>= 1;
            }
            parts.add(TreeNodes.Key.covering(at, at + size));
            at += size;
        }
        return parts;
    }
}
