package dev.vigil.audit.log.domain;

import java.util.List;

import reactor.core.publisher.Mono;

/** What the log proves about itself: its size and root, and RFC 9162 proofs over its Merkle tree. */
public interface LogProofs {

    /** The number of entries, which is the size of the tree. */
    Mono<Long> size();

    /** The root of the tree of the first {@code size} entries. */
    Mono<byte[]> root(long size);

    /** The inclusion proof of entry {@code seq} in the tree of {@code size} entries. */
    Mono<List<byte[]>> inclusionProof(long seq, long size);

    /** The consistency proof between the trees of {@code first} and {@code second} entries. */
    Mono<List<byte[]>> consistencyProof(long first, long second);
}
