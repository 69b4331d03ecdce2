/** Development only: a real OAuth2/OIDC authorization server with one client and one user per role. */
@NullMarked
package dev.vigil.devstack.issuer;

import org.jspecify.annotations.NullMarked;
