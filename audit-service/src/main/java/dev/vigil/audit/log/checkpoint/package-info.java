/** Signed tree heads: C2SP checkpoints of the log, signed as C2SP signed notes with Ed25519. */
@NullMarked
package dev.vigil.audit.log.checkpoint;

import org.jspecify.annotations.NullMarked;
