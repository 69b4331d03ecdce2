/** Benchmarks: an open-loop load driver with latency histograms, and the scenarios built on it. */
@NullMarked
package dev.vigil.bench;

import org.jspecify.annotations.NullMarked;
