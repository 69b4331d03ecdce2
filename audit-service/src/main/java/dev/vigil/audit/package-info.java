/** The audit log of every sensitive action. */
@NullMarked
package dev.vigil.audit;

import org.jspecify.annotations.NullMarked;
