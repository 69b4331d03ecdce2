/** Security findings from CI scanners and the pass/fail gate. */
@NullMarked
package dev.vigil.findings;

import org.jspecify.annotations.NullMarked;
