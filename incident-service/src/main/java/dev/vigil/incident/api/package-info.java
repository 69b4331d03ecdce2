/** The HTTP API of the incident-service; a skeleton until issue #4 fills it in. */
@NullMarked
package dev.vigil.incident.api;

import org.jspecify.annotations.NullMarked;
