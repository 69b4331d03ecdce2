/** The audit log's model and the storage contract it needs; no framework types. */
@NullMarked
package dev.vigil.audit.log.domain;

import org.jspecify.annotations.NullMarked;
