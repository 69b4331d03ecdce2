/** Incidents in PostgreSQL, with their timeline, outbox events and audit records in the same transactions. */
@NullMarked
package dev.vigil.incident.store;

import org.jspecify.annotations.NullMarked;
