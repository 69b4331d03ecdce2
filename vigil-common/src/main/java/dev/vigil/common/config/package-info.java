/** Auto-configuration that wires the shared mechanisms into every service. */
@NullMarked
package dev.vigil.common.config;

import org.jspecify.annotations.NullMarked;
