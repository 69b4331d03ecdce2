/** The audit log in PostgreSQL over R2DBC. */
@NullMarked
package dev.vigil.audit.log.store;

import org.jspecify.annotations.NullMarked;
