/** Scope and role names, and problem-details answers for 401 and 403. */
@NullMarked
package dev.vigil.common.security;

import org.jspecify.annotations.NullMarked;
