/** The health API: current status, checks, history, synthetic runs and flags. */
@NullMarked
package dev.vigil.health.api;

import org.jspecify.annotations.NullMarked;
