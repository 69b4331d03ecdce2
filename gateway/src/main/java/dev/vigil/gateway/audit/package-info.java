/** An audit event for every state-changing or admin request, sent on a bounded, counted buffer. */
@NullMarked
package dev.vigil.gateway.audit;

import org.jspecify.annotations.NullMarked;
