/** Pruning entries past the retention period while the log stays verifiable. */
@NullMarked
package dev.vigil.audit.log.retention;

import org.jspecify.annotations.NullMarked;
