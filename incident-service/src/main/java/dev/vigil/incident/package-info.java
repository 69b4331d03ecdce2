/** Incidents: lifecycle, timeline and deduplication. */
@NullMarked
package dev.vigil.incident;

import org.jspecify.annotations.NullMarked;
