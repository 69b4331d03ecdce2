package dev.vigil.devstack.issuer;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dev OIDC issuer: Spring Authorization Server with the dev clients and users. It lives
 * only in the dev stack's jar; no production image contains it.
 */
@SpringBootApplication
public class DevIssuer {

    /** The secret of every dev client. */
    public static final String CLIENT_SECRET = "dev-secret";

    /** The password of every dev user. */
    public static final String USER_PASSWORD = "dev-password";

    public static ConfigurableApplicationContext start(int port, String issuerUri) {
        // The dev stack closes the issuer itself, after the services, from its own shutdown hook.
        return new SpringApplicationBuilder(DevIssuer.class).web(WebApplicationType.SERVLET)
            .registerShutdownHook(false)
            .properties(Map.of("server.port", port, "spring.security.oauth2.authorizationserver.issuer", issuerUri,
                    "spring.application.name", "dev-issuer", "logging.structured.format.console", "",
                    "spring.main.banner-mode", "off", "logging.level.root", "WARN",
                    "management.endpoints.web.exposure.include", "health"))
            .run();
    }
}
