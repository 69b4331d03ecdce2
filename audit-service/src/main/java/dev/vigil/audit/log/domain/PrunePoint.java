package dev.vigil.audit.log.domain;

/**
 * Where the log starts after pruning.
 *
 * @param prunedBefore entries {@code [0, prunedBefore)} are gone
 * @param anchorHash the chain hash of entry {@code prunedBefore - 1}, which the next entry's {@code prevHash} must
 * equal (32 zero bytes when nothing was pruned)
 */
public record PrunePoint(long prunedBefore, byte[] anchorHash) {

    public static final PrunePoint NONE = new PrunePoint(0, new byte[32]);
}
