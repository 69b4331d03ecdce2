/** Contracts and cross-cutting mechanisms that every Vigil service shares; nothing service-specific. */
@NullMarked
package dev.vigil.common;

import org.jspecify.annotations.NullMarked;
