package dev.vigil.verify;

import java.util.Base64;

/**
 * A C2SP tlog-checkpoint: the body of a signed tree head, {@code origin\nsize\nbase64(root)\n}.
 *
 * @param origin the log's unique name
 * @param size the number of leaves
 * @param rootHash the RFC 9162 root of those leaves
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    public String text() {
        return this.origin + "\n" + this.size + "\n" + Base64.getEncoder().encodeToString(this.rootHash) + "\n";
    }

    /** Reads a checkpoint body (extension lines after the root are allowed and ignored). */
    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || lines[0].isEmpty()) {
            throw new IllegalArgumentException("a checkpoint is origin, size and root hash, one per line");
        }
        long size = Long.parseLong(lines[1]);
        byte[] root = Base64.getDecoder().decode(lines[2]);
        if (size < 0 || root.length != 32) {
            throw new IllegalArgumentException("bad checkpoint size or root hash");
        }
        return new Checkpoint(lines[0], size, root);
    }
}
