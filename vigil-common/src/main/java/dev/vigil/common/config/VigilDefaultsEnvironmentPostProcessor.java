package dev.vigil.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Adds {@code vigil-defaults.properties} as the lowest-precedence property source, so every
 * service shares one set of operational defaults (probes, JSON logs, Kafka durability, Flyway
 * locations) instead of a copy in each application.yml.
 */
public class VigilDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    private static final String NAME = "vigil-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            environment.getPropertySources()
                .addLast(new PropertiesPropertySource(NAME,
                        PropertiesLoaderUtils.loadProperties(new ClassPathResource("vigil-defaults.properties"))));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
