/** Timeouts, circuit breakers and retries for every call to a dependency, configured in one place. */
@NullMarked
package dev.vigil.common.resilience;

import org.jspecify.annotations.NullMarked;
