/** RFC 8785 JSON Canonicalization: the exact bytes an audit entry's leaf hash covers. */
@NullMarked
package dev.vigil.audit.log.canonical;

import org.jspecify.annotations.NullMarked;
