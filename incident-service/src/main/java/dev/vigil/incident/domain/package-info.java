/** What an incident is, how it moves between states, and how occurrences count. */
@NullMarked
package dev.vigil.incident.domain;

import org.jspecify.annotations.NullMarked;
