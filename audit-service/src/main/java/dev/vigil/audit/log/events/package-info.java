/** Appends audit events that arrive on vigil.audit.v1. */
@NullMarked
package dev.vigil.audit.log.events;

import org.jspecify.annotations.NullMarked;
