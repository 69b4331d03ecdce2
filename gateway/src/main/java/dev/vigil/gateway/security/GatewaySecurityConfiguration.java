package dev.vigil.gateway.security;

import dev.vigil.common.security.ProblemAccessDeniedHandler;
import dev.vigil.common.security.ProblemAuthenticationEntryPoint;
import dev.vigil.common.security.Scopes;
import dev.vigil.gateway.routing.GatewayRoutesProperties;
import dev.vigil.gateway.routing.RouteSpec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Derives the authorization rules from the route table, so a route and the scope it needs
 * are declared once. Whatever no route declares is denied: 401 without a valid token, 403
 * with one, the same answer whether or not anything exists behind the path.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, GatewayRoutesProperties properties,
            ReactiveJwtDecoder jwtDecoder) {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        ProblemAccessDeniedHandler deniedHandler = new ProblemAccessDeniedHandler();
        http.authorizeExchange(exchanges -> {
            exchanges.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                    "/actuator/prometheus")
                .permitAll();
            for (RouteSpec route : properties.routes()) {
                for (HttpMethod method : route.methods()) {
                    var rule = exchanges.pathMatchers(method, route.path());
                    if (route.access() == RouteSpec.Access.SIGNATURE) {
                        rule.permitAll();
                    }
                    else {
                        rule.hasAuthority(Scopes.authority(route.scope()));
                    }
                }
            }
            exchanges.anyExchange().denyAll();
        })
            .oauth2ResourceServer(server -> server
                .authenticationManagerResolver(new StaticTokenAuthentication(properties.routes(),
                        new JwtReactiveAuthenticationManager(jwtDecoder)))
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(deniedHandler))
            .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(deniedHandler))
            .addFilterAfter(new AuthenticatedSubjectWebFilter(), SecurityWebFiltersOrder.AUTHENTICATION)
            // Security headers come from the shared SecurityHeadersWebFilter on every answer, so Spring's are off.
            .headers(ServerHttpSecurity.HeaderSpec::disable)
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .requestCache(ServerHttpSecurity.RequestCacheSpec::disable);
        return http.build();
    }
}
