package dev.vigil.verify;

/**
 * The Merkle tree hash of a range of leaves, {@code MTH(D[start:end])} in RFC 9162 terms. A log
 * answers it from stored subtree hashes; a verifier from the leaves it holds.
 */
@FunctionalInterface
public interface SubtreeHashes {

    byte[] hash(long start, long end);
}
