/** What a check is, how each kind probes its target, and where checks and results are kept. */
@NullMarked
package dev.vigil.health.check;

import org.jspecify.annotations.NullMarked;
