/** RFC 9457 problem details for every error a Vigil service answers. */
@NullMarked
package dev.vigil.common.problem;

import org.jspecify.annotations.NullMarked;
