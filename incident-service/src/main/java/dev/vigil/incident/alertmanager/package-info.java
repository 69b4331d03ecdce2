/** Prometheus Alertmanager webhook receiver. */
@NullMarked
package dev.vigil.incident.alertmanager;

import org.jspecify.annotations.NullMarked;
