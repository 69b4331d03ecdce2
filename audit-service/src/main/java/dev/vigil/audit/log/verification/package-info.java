/** Verifying the log on demand and on a schedule, and raising a critical incident when it is broken. */
@NullMarked
package dev.vigil.audit.log.verification;

import org.jspecify.annotations.NullMarked;
