/** The watchdog every service runs on itself: event-loop lag, heap use, database connectivity. */
@NullMarked
package dev.vigil.common.watchdog;

import org.jspecify.annotations.NullMarked;
