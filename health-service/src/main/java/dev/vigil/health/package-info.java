/** Health checks, watchdog and safe mode. */
@NullMarked
package dev.vigil.health;

import org.jspecify.annotations.NullMarked;
