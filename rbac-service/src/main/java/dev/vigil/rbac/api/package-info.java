/** The HTTP API of the rbac-service; a skeleton until a later issue fills it in. */
@NullMarked
package dev.vigil.rbac.api;

import org.jspecify.annotations.NullMarked;
