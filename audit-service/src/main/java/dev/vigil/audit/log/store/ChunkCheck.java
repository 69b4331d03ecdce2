package dev.vigil.audit.log.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import dev.vigil.audit.log.canonical.AuditLeaf;
import dev.vigil.audit.log.domain.NewAuditEntry;
import dev.vigil.verify.MerkleTree;
import org.jspecify.annotations.Nullable;

/**
 * The check of one stretch {@code [start, end)} of the log, entry by entry: no gap in the
 * sequence, its columns still canonicalize to its leaf, its chain hash follows from the one
 * before, and its leaf hash is the tree's. Stretches start on subtree boundaries, so the
 * subtrees of one stretch are subtrees of the whole tree.
 */
final class ChunkCheck {

    /** An entry as stored, with the tree's hash for its leaf ({@code null} if the tree has none). */
    record StoredEntry(long seq, Instant time, NewAuditEntry fields, @Nullable String leaf, byte[] prevHash,
            byte[] hash, byte @Nullable [] treeLeafHash) {
    }

    final long start;

    final long end;

    private long expected;

    private byte[] prev;

    private long checked;

    private @Nullable Long brokenAt;

    private @Nullable String reason;

    private final SubtreeStack tree;

    /**
     * {@code prev} is the chain hash of entry {@code start - 1}; {@code tree} holds the subtrees before
     * {@code start} that its leaves may merge with (none when {@code start} is a stretch boundary).
     */
    ChunkCheck(long start, long end, byte[] prev, SubtreeStack tree) {
        this.tree = tree;
        this.start = start;
        this.end = end;
        this.expected = start;
        this.prev = prev;
    }

    /** Checks the next entry; false once something is broken. */
    boolean check(StoredEntry entry) {
        if (entry.seq() != this.expected) {
            return fail(this.expected, "entry is missing");
        }
        String leaf = AuditLeaf.of(entry.seq(), entry.time(), entry.fields());
        if (!leaf.equals(entry.leaf())) {
            return fail(entry.seq(), "the entry's fields no longer match its leaf");
        }
        byte[] leafBytes = leaf.getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(entry.prevHash(), this.prev) || !Arrays.equals(entry.hash(), LogAppender.chain(this.prev, leafBytes))) {
            return fail(entry.seq(), "the hash chain is broken");
        }
        byte[] leafHash = MerkleTree.leafHash(leafBytes);
        if (!Arrays.equals(entry.treeLeafHash(), leafHash)) {
            return fail(entry.seq(), "the leaf is not the one in the Merkle tree");
        }
        this.prev = entry.hash();
        this.expected++;
        this.checked++;
        this.tree.addLeaf(leafHash);
        return true;
    }

    /** Called after the last entry: entries missing at the end are a break too. */
    ChunkCheck finish() {
        if (this.brokenAt == null && this.expected < this.end) {
            fail(this.expected, "entry is missing");
        }
        return this;
    }

    private boolean fail(long seq, String why) {
        this.brokenAt = seq;
        this.reason = why;
        return false;
    }

    boolean broken() {
        return this.brokenAt != null;
    }

    long checked() {
        return this.checked;
    }

    @Nullable Long brokenAt() {
        return this.brokenAt;
    }

    @Nullable String reason() {
        return this.reason;
    }

    SubtreeStack tree() {
        return this.tree;
    }
}
