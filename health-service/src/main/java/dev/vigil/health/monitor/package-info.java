/** Runs the checks on their schedules, with hysteresis, and acts on breaches: incidents and safe mode. */
@NullMarked
package dev.vigil.health.monitor;

import org.jspecify.annotations.NullMarked;
