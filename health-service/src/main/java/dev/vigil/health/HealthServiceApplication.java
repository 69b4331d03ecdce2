package dev.vigil.health;

import org.springframework.boot.SpringApplication;
import dev.vigil.health.check.ChecksProperties;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Health checks, watchdog and safe mode. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(ChecksProperties.class)
public class HealthServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(HealthServiceApplication.class, args);
    }
}
