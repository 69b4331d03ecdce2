/**
 * RFC 9162 Merkle tree hashing, inclusion and consistency proofs: how the audit service proves
 * its log and how anyone checks it without trusting the server. No dependencies beyond the JDK.
 */
@NullMarked
package dev.vigil.verify;

import org.jspecify.annotations.NullMarked;
