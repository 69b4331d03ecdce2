package dev.vigil.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/api/openapi.yaml describes exactly the routes the gateway serves, with the scope each needs. */
class OpenApiDescriptionTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void describesEveryRouteWithItsScopeAndNothingElse() throws IOException {
        Map<String, Object> openApi = load(Path.of("..", "docs", "api", "openapi.yaml"));
        Map<String, Object> paths = map(openApi.get("paths"));
        Set<String> routes = new HashSet<>();
        for (Map<String, Object> route : routeTable()) {
            String path = (String) route.get("path");
            for (Object method : (List<?>) route.get("methods")) {
                String operation = method.toString().toLowerCase(Locale.ROOT);
                routes.add(operation + " " + path);
                Map<String, Object> described = map(map(paths.get(path)).get(operation));
                assertThat(described).as(operation + " " + path + " in openapi.yaml").isNotEmpty();
                List<Object> security = List.copyOf((List<?>) described.get("security"));
                if ("signature".equals(route.get("access"))) {
                    assertThat(security).as(path).isEmpty();
                }
                else if (route.containsKey("static-token")) {
                    assertThat(security).as(operation + " " + path).containsExactly(
                            Map.of("oauth2", List.of(route.get("scope"))), Map.of("alertmanagerToken", List.of()));
                }
                else {
                    assertThat(security).as(operation + " " + path)
                        .containsExactly((Object) Map.of("oauth2", List.of(route.get("scope"))));
                }
            }
        }
        Set<String> documented = new HashSet<>();
        paths.forEach((path, item) -> map(item).keySet()
            .stream()
            .filter(METHODS::contains)
            .forEach(operation -> documented.add(operation + " " + path)));
        assertThat(documented).as("operations in openapi.yaml").isEqualTo(routes);
    }

    private static List<Map<String, Object>> routeTable() throws IOException {
        Map<String, Object> application = load(Path.of("src", "main", "resources", "application.yml"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> routes = (List<Map<String, Object>>) map(map(application.get("vigil")).get("gateway"))
            .get("routes");
        return routes;
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
    }
}
