/** Incidents raised by other services through {@code vigil.incident.v1}. */
@NullMarked
package dev.vigil.incident.events;

import org.jspecify.annotations.NullMarked;
