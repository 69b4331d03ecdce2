/** JWT validation and the per-route scope rules derived from the route table. */
@NullMarked
package dev.vigil.gateway.security;

import org.jspecify.annotations.NullMarked;
