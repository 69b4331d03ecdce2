/** The HTTP API of the health-service; a skeleton until issue #4 fills it in. */
@NullMarked
package dev.vigil.health.api;

import org.jspecify.annotations.NullMarked;
