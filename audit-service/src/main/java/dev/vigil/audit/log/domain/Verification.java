package dev.vigil.audit.log.domain;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of recomputing the log: every entry against its leaf, the chain, and the tree.
 *
 * @param ok whether nothing was found changed, removed or reordered
 * @param checked how many entries were checked
 * @param treeSize the size of the tree checked against
 * @param prunedBefore entries before this one were pruned after their retention; the check starts from the chain
 * hash and tree nodes they left
 * @param firstBrokenSeq the first entry that does not check out, when not ok
 * @param reason what is wrong with it, when not ok
 */
public record Verification(boolean ok, long checked, long treeSize, long prunedBefore, @Nullable Long firstBrokenSeq,
        @Nullable String reason) {

    public static Verification passed(long checked, long treeSize, long prunedBefore) {
        return new Verification(true, checked, treeSize, prunedBefore, null, null);
    }

    public static Verification broken(long checked, long treeSize, long prunedBefore, long seq, String reason) {
        return new Verification(false, checked, treeSize, prunedBefore, seq, reason);
    }
}
