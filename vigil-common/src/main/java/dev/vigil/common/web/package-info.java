/** Request id, trace context and security headers on every exchange. */
@NullMarked
package dev.vigil.common.web;

import org.jspecify.annotations.NullMarked;
