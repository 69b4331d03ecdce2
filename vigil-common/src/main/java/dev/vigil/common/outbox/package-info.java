/** Transactional outbox, its relay to Kafka, and the idempotent-consumer guard. */
@NullMarked
package dev.vigil.common.outbox;

import org.jspecify.annotations.NullMarked;
