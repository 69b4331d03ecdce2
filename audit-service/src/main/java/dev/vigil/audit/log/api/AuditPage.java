package dev.vigil.audit.log.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One page of a list: the items, newest first, and the cursor of the next page, or null on the last. */
record AuditPage(List<AuditEntryResponse> items, @Nullable String next) {
}
