package dev.vigil.common.config;

import dev.vigil.common.events.CloudEventCodec;
import dev.vigil.common.problem.ProblemErrorWebExceptionHandler;
import dev.vigil.common.web.RequestIdLogging;
import dev.vigil.common.web.RequestIdWebFilter;
import dev.vigil.common.web.SecurityHeadersProperties;
import dev.vigil.common.web.SecurityHeadersWebFilter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Request ids, security headers, problem details and the event codec, in every reactive Vigil service. */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(SecurityHeadersProperties.class)
public class VigilWebAutoConfiguration {

    static {
        RequestIdLogging.register();
    }

    @Bean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter();
    }

    @Bean
    SecurityHeadersWebFilter securityHeadersWebFilter(SecurityHeadersProperties properties) {
        return new SecurityHeadersWebFilter(properties);
    }

    @Bean
    ProblemErrorWebExceptionHandler problemErrorWebExceptionHandler() {
        return new ProblemErrorWebExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    CloudEventCodec cloudEventCodec(JsonMapper mapper) {
        return new CloudEventCodec(mapper);
    }
}
