/** The HTTP API of the findings-service; a skeleton until a later issue fills it in. */
@NullMarked
package dev.vigil.findings.api;

import org.jspecify.annotations.NullMarked;
