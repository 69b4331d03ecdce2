/** The incidents API: list, open, read and change incidents. */
@NullMarked
package dev.vigil.incident.api;

import org.jspecify.annotations.NullMarked;
