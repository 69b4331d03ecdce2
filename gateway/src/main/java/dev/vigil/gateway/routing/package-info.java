/** The route table: which paths go to which service, under which scope, behind which circuit breaker. */
@NullMarked
package dev.vigil.gateway.routing;

import org.jspecify.annotations.NullMarked;
