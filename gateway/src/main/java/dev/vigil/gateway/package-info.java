/** The gateway: the one way in, which authenticates, authorizes per route, audits and protects every request. */
@NullMarked
package dev.vigil.gateway;

import org.jspecify.annotations.NullMarked;
