/** Development only: starts the whole system on one machine, on embedded defaults. */
@NullMarked
package dev.vigil.devstack;

import org.jspecify.annotations.NullMarked;
