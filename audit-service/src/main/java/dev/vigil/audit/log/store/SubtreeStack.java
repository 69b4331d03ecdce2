package dev.vigil.audit.log.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

import dev.vigil.verify.MerkleTree;

/**
 * The Merkle tree over leaves added left to right, kept as its perfect subtrees, largest first:
 * adding a subtree merges it with equal-sized ones before it, like carrying in binary addition.
 * The root is the right fold of what is left, as RFC 9162 splits a tree.
 */
final class SubtreeStack {

    private record Subtree(int level, byte[] hash) {
    }

    private final Deque<Subtree> stack = new ArrayDeque<>();

    void addLeaf(byte[] leafHash) {
        add(0, leafHash);
    }

    /** Adds the perfect subtree of {@code 2^level} leaves that follows the ones added so far. */
    void add(int level, byte[] hash) {
        Subtree subtree = new Subtree(level, hash);
        while (!this.stack.isEmpty() && this.stack.peek().level() == subtree.level()) {
            subtree = new Subtree(subtree.level() + 1, MerkleTree.nodeHash(this.stack.pop().hash(), subtree.hash()));
        }
        this.stack.push(subtree);
    }

    /** Adds every subtree of {@code other}, largest first. */
    void addAll(SubtreeStack other) {
        Iterator<Subtree> largestFirst = other.stack.descendingIterator();
        while (largestFirst.hasNext()) {
            Subtree subtree = largestFirst.next();
            add(subtree.level(), subtree.hash());
        }
    }

    byte[] root() {
        if (this.stack.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        Iterator<Subtree> smallestFirst = this.stack.iterator();
        byte[] root = smallestFirst.next().hash();
        while (smallestFirst.hasNext()) {
            root = MerkleTree.nodeHash(smallestFirst.next().hash(), root);
        }
        return root;
    }
}
