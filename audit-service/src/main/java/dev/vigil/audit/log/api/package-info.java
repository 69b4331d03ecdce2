/** The audit log's HTTP API. */
@NullMarked
package dev.vigil.audit.log.api;

import org.jspecify.annotations.NullMarked;
