package dev.vigil.audit.log.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import dev.vigil.audit.log.canonical.AuditLeaf;
import dev.vigil.audit.log.domain.AuditEntry;
import dev.vigil.audit.log.domain.LogProofs;
import dev.vigil.audit.log.domain.LogVerifier;
import dev.vigil.audit.log.domain.Verification;
import dev.vigil.verify.MerkleTree;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Streams the entries in sequence order and checks each: no gap in the sequence, its columns
 * still canonicalize to its leaf, its chain hash follows from the one before, and its leaf hash
 * is the tree's. Over the whole log it also recomputes the root from the leaves and compares it
 * with the root of the stored tree.
 */
@Component
class R2dbcLogVerifier implements LogVerifier {

    private final DatabaseClient db;

    private final EntryRows rows;

    private final AuditLeaf leaves;

    private final TreeNodes nodes;

    private final LogProofs tree;

    R2dbcLogVerifier(DatabaseClient db, JsonMapper json, LogProofs tree) {
        this.db = db;
        this.rows = new EntryRows(json);
        this.leaves = new AuditLeaf(json);
        this.nodes = new TreeNodes(db);
        this.tree = tree;
    }

    @Override
    public Mono<Verification> verify(long from, @Nullable Long to) {
        return this.tree.size().flatMap(size -> {
            long end = (to == null || to > size) ? size : to;
            if (from >= end) {
                return Mono.just(Verification.passed(0, size));
            }
            return previousHash(from).flatMap(prev -> check(from, end, size, prev));
        });
    }

    private Mono<byte[]> previousHash(long from) {
        if (from == 0) {
            return Mono.just(LogAppender.GENESIS);
        }
        return this.db.sql("select hash from audit_entries where seq = :seq")
            .bind("seq", from - 1)
            .map(row -> row.get("hash", byte[].class))
            .one()
            .defaultIfEmpty(new byte[0]);
    }

    private Mono<Verification> check(long from, long end, long size, byte[] prev) {
        Walk walk = new Walk(from, prev, from == 0);
        return this.db.sql("select " + EntryRows.COLUMNS + " from audit_entries where seq >= :from and seq < :end "
                + "order by seq")
            .bind("from", from)
            .bind("end", end)
            .map(this.rows::toEntry)
            .all()
            .buffer(1000)
            .concatMap(batch -> leafNodes(batch).map(stored -> walk.check(batch, stored, this.leaves)))
            .takeUntil(broken -> broken)
            .then(Mono.defer(() -> finish(walk, end, size)));
    }

    /** The tree's leaf hashes for a batch, in its order (a missing one is null). */
    private Mono<List<byte[]>> leafNodes(List<AuditEntry> batch) {
        return this.nodes.leafHashes(batch.getFirst().seq(), batch.getLast().seq() + 1)
            .map(found -> batch.stream().map(entry -> found.get(entry.seq())).toList());
    }

    private Mono<Verification> finish(Walk walk, long end, long size) {
        if (walk.brokenAt != null) {
            return Mono.just(Verification.broken(walk.checked, size, walk.brokenAt, walk.reason));
        }
        if (walk.expected < end) {
            return Mono.just(Verification.broken(walk.checked, size, walk.expected, "entry is missing"));
        }
        if (!walk.fromStart || end != size) {
            return Mono.just(Verification.passed(walk.checked, size));
        }
        return this.tree.root(size)
            .map(stored -> Arrays.equals(stored, walk.root()) ? Verification.passed(walk.checked, size)
                    : Verification.broken(walk.checked, size, size - 1, "the stored tree's root is not the root of the leaves"));
    }

    /** The state of one walk over the log. */
    private static final class Walk {

        long expected;

        byte[] prev;

        final boolean fromStart;

        long checked;

        @Nullable Long brokenAt;

        @Nullable String reason;

        /** Perfect subtrees over the leaves so far, largest first: the root is their right fold. */
        private final Deque<byte[]> stack = new ArrayDeque<>();

        private final Deque<Integer> levels = new ArrayDeque<>();

        Walk(long from, byte[] prev, boolean fromStart) {
            this.expected = from;
            this.prev = prev;
            this.fromStart = fromStart;
        }

        /** Checks a batch; true once something is broken. */
        boolean check(List<AuditEntry> batch, List<byte[]> storedLeafHashes, AuditLeaf leaves) {
            for (int i = 0; i < batch.size() && this.brokenAt == null; i++) {
                AuditEntry entry = batch.get(i);
                if (entry.seq() != this.expected) {
                    fail(this.expected, "entry is missing");
                    break;
                }
                String leaf = leaves.of(entry.seq(), entry.eventId(), entry.recordedAt(), entry.user(), entry.action(),
                        entry.resource(), entry.outcome(), entry.ip(), entry.userAgent(), entry.metadata(),
                        entry.requestId(), entry.source());
                byte[] leafHash = (entry.leaf() != null)
                        ? MerkleTree.leafHash(entry.leaf().getBytes(StandardCharsets.UTF_8)) : null;
                if (!leaf.equals(entry.leaf())) {
                    fail(entry.seq(), "the entry's fields no longer match its leaf");
                }
                else if (!Arrays.equals(entry.prevHash(), this.prev)
                        || !Arrays.equals(entry.hash(), LogAppender.chain(this.prev, leaf))) {
                    fail(entry.seq(), "the hash chain is broken");
                }
                else if (!Arrays.equals(storedLeafHashes.get(i), leafHash)) {
                    fail(entry.seq(), "the leaf is not the one in the Merkle tree");
                }
                else {
                    this.prev = entry.hash();
                    this.expected++;
                    this.checked++;
                    push(leafHash);
                }
            }
            return this.brokenAt != null;
        }

        private void fail(long seq, String why) {
            this.brokenAt = seq;
            this.reason = why;
        }

        private void push(byte[] leafHash) {
            byte[] hash = leafHash;
            int level = 0;
            while (!this.levels.isEmpty() && this.levels.peek() == level) {
                this.levels.pop();
                hash = MerkleTree.nodeHash(this.stack.pop(), hash);
                level++;
            }
            this.stack.push(hash);
            this.levels.push(level);
        }

        byte[] root() {
            if (this.stack.isEmpty()) {
                return MerkleTree.emptyRoot();
            }
            var iterator = this.stack.iterator();
            byte[] root = iterator.next();
            while (iterator.hasNext()) {
                root = MerkleTree.nodeHash(iterator.next(), root);
            }
            return root;
        }
    }
}
