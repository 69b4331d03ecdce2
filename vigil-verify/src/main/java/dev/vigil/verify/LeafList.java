package dev.vigil.verify;

import java.util.List;

/** Subtree hashes computed from a list of leaf hashes held in memory: what a verifier with an exported log has. */
public final class LeafList implements SubtreeHashes {

    private final List<byte[]> leafHashes;

    public LeafList(List<byte[]> leafHashes) {
        this.leafHashes = List.copyOf(leafHashes);
    }

    public long size() {
        return this.leafHashes.size();
    }

    /** The root of the tree of the first {@code size} leaves. */
    public byte[] root(long size) {
        return (size == 0) ? MerkleTree.emptyRoot() : hash(0, size);
    }

    @Override
    public byte[] hash(long start, long end) {
        if (end - start == 1) {
            return this.leafHashes.get((int) start);
        }
        long k = MerkleTree.split(end - start);
        return MerkleTree.nodeHash(hash(start, start + k), hash(start + k, end));
    }
}
