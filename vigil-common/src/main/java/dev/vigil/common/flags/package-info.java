/** System flags such as {@code safe_mode}: read by every service from the compacted topic, obeyed at its edge. */
@NullMarked
package dev.vigil.common.flags;

import org.jspecify.annotations.NullMarked;
