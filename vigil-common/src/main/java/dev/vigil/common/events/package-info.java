/** CloudEvents 1.0 envelope, topic names and the event payloads that are contracts between services. */
@NullMarked
package dev.vigil.common.events;

import org.jspecify.annotations.NullMarked;
