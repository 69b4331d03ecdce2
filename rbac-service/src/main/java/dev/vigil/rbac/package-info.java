/** Roles, permissions and their assignments. */
@NullMarked
package dev.vigil.rbac;

import org.jspecify.annotations.NullMarked;
