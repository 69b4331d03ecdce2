package dev.vigil.verify;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9162 hashing and proofs against the test vectors of the Certificate Transparency reference implementations. */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The eight leaves of the reference test tree. */
    private static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** The roots of the reference tree at sizes 1 to 8. */
    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private final LeafList tree = new LeafList(LEAVES.stream().map(leaf -> MerkleTree.leafHash(HEX.parseHex(leaf))).toList());

    @Test
    void computesTheReferenceRoots() {
        for (int size = 1; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.root(size))).as("root of size %d", size).isEqualTo(ROOTS.get(size - 1));
        }
        assertThat(HEX.formatHex(tree.root(0)))
            .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void givesTheReferenceInclusionProofs() {
        assertThat(hex(MerkleTree.inclusionProof(0, 1, tree))).isEmpty();
        assertThat(hex(MerkleTree.inclusionProof(0, 8, tree))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.inclusionProof(5, 8, tree))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(MerkleTree.inclusionProof(2, 3, tree)))
            .containsExactly("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(hex(MerkleTree.inclusionProof(1, 5, tree))).containsExactly(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void givesTheReferenceConsistencyProofs() {
        assertThat(hex(MerkleTree.consistencyProof(1, 1, tree))).isEmpty();
        assertThat(hex(MerkleTree.consistencyProof(1, 8, tree))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.consistencyProof(6, 8, tree))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(MerkleTree.consistencyProof(2, 5, tree))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void everyProofOfEveryTreeUpToEightLeavesVerifies() {
        for (int size = 1; size <= 8; size++) {
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.inclusionProof(index, size, tree);
                assertThat(MerkleTree.verifyInclusion(index, size, tree.hash(index, index + 1), proof, tree.root(size)))
                    .as("leaf %d in %d", index, size)
                    .isTrue();
            }
            for (int first = 1; first <= size; first++) {
                List<byte[]> proof = MerkleTree.consistencyProof(first, size, tree);
                assertThat(MerkleTree.verifyConsistency(first, size, tree.root(first), tree.root(size), proof))
                    .as("%d to %d", first, size)
                    .isTrue();
            }
        }
    }

    @Test
    void rejectsAProofForAnotherLeafATamperedHashOrAWrongSize() {
        List<byte[]> proof = MerkleTree.inclusionProof(3, 7, tree);
        byte[] root = tree.root(7);
        assertThat(MerkleTree.verifyInclusion(3, 7, tree.hash(4, 5), proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(3, 8, tree.hash(3, 4), proof, tree.root(8))).isFalse();
        assertThat(MerkleTree.verifyInclusion(5, 7, tree.hash(3, 4), proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(3, 7, tree.hash(3, 4), proof.subList(0, 2), root)).isFalse();
        List<byte[]> tampered = new ArrayList<>(proof);
        byte[] flipped = tampered.getFirst().clone();
        flipped[0] ^= 1;
        tampered.set(0, flipped);
        assertThat(MerkleTree.verifyInclusion(3, 7, tree.hash(3, 4), tampered, root)).isFalse();

        List<byte[]> consistency = MerkleTree.consistencyProof(3, 7, tree);
        assertThat(MerkleTree.verifyConsistency(3, 7, tree.root(4), root, consistency)).isFalse();
        assertThat(MerkleTree.verifyConsistency(3, 7, tree.root(3), tree.root(8), consistency)).isFalse();
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
