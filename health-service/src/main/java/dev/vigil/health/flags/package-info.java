/** Writes the system flags to the compacted topic. */
@NullMarked
package dev.vigil.health.flags;

import org.jspecify.annotations.NullMarked;
