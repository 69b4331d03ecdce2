package dev.vigil.verify;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9162 (section 2.1) Merkle tree hashing with SHA-256: leaf hash {@code SHA-256(0x00 || leaf)},
 * node hash {@code SHA-256(0x01 || left || right)}; inclusion and consistency proofs, and their
 * verification.
 */
public final class MerkleTree {

    private static final byte LEAF = 0x00;

    private static final byte NODE = 0x01;

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha256 = Sha256.digest();
        sha256.update(LEAF);
        return sha256.digest(leaf);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = Sha256.digest();
        sha256.update(NODE);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** The root of the empty tree. */
    public static byte[] emptyRoot() {
        return Sha256.digest().digest();
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** {@code PATH(index, D[0:size])}: the hashes that lead from leaf {@code index} to the root of the tree of {@code size} leaves. */
    public static List<byte[]> inclusionProof(long index, long size, SubtreeHashes tree) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, tree, proof);
        return proof;
    }

    private static void path(long index, long start, long end, SubtreeHashes tree, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (index < k) {
            path(index, start, start + k, tree, proof);
            proof.add(tree.hash(start + k, end));
        }
        else {
            path(index - k, start + k, end, tree, proof);
            proof.add(tree.hash(start, start + k));
        }
    }

    /** {@code PROOF(first, D[0:second])}: shows the tree of {@code first} leaves is a prefix of the tree of {@code second}. */
    public static List<byte[]> consistencyProof(long first, long second, SubtreeHashes tree) {
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first < second) {
            subproof(first, 0, second, true, tree, proof);
        }
        return proof;
    }

    private static void subproof(long m, long start, long end, boolean whole, SubtreeHashes tree, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(tree.hash(start, end));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, tree, proof);
            proof.add(tree.hash(start + k, end));
        }
        else {
            subproof(m - k, start + k, end, false, tree, proof);
            proof.add(tree.hash(start, start + k));
        }
    }

    /** RFC 9162 section 2.1.3.2: does {@code proof} put a leaf with this hash at {@code index} under {@code root}? */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 section 2.1.4.2: does {@code proof} show the tree with {@code firstRoot} is a prefix of the one with {@code secondRoot}? */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> proof) {
        if (first < 1 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.addFirst(firstRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }
}
