package dev.vigil.devstack.issuer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.vigil.common.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * One confidential client per role ({@code dev-admin} … {@code dev-user}, secret {@code dev-secret},
 * client-credentials grant), one user per role for the console (password {@code dev-password}),
 * and the console's public client (authorization code with PKCE).
 */
@Configuration(proxyBeanMethods = false)
class DevIssuerConfiguration {

    static final String CONSOLE_CLIENT = "vigil-console";

    private static final String ROLE_PREFIX = "ROLE_";

    @Bean
    RegisteredClientRepository registeredClients() {
        List<RegisteredClient> clients = new ArrayList<>();
        for (Role role : Role.values()) {
            clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("dev-" + role.id())
                .clientSecret("{noop}" + DevIssuer.CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(role.scopes()))
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(1)).build())
                .build());
        }
        clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
            .clientId(CONSOLE_CLIENT)
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
            .redirectUri("http://localhost:8080/admin/security/callback")
            .redirectUri("http://127.0.0.1:8080/admin/security/callback")
            .scope(OidcScopes.OPENID)
            .scope(OidcScopes.PROFILE)
            .scopes(scopes -> scopes.addAll(Role.ADMIN.scopes()))
            .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
            .build());
        return new DevClientRepository(clients);
    }

    @Bean
    UserDetailsService devUsers() {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (Role role : Role.values()) {
            users.createUser(User.withUsername(role.id()).password("{noop}" + DevIssuer.USER_PASSWORD).roles(role.name()).build());
        }
        return users;
    }

    /**
     * A token carries what its holder may do: a client that asks for no scope gets all of its
     * role's scopes, and a console user gets only those of the scopes asked for that their role grants.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> roleScopes() {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            Set<String> granted = context.getAuthorizedScopes();
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                if (granted.isEmpty()) {
                    context.getClaims().claim("scope", context.getRegisteredClient().getScopes());
                }
                return;
            }
            List<String> roleScopes = context.getPrincipal()
                .getAuthorities()
                .stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .flatMap(authority -> Role.valueOf(authority.substring(ROLE_PREFIX.length())).scopes().stream())
                .toList();
            context.getClaims()
                .claim("scope", granted.stream().filter(scope -> roleScopes.contains(scope) || scope.equals(OidcScopes.OPENID)
                        || scope.equals(OidcScopes.PROFILE)).toList());
        };
    }
}
