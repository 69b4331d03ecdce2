package dev.vigil.common.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The real PostgreSQL server the tests use: {@code VIGIL_TEST_PG_HOST}/{@code _PORT}/{@code _USER}/
 * {@code _PASSWORD}, by default the local server on 127.0.0.1:5432 as {@code postgres}. Each test
 * class works in a schema of its own in the database {@code vigil_test}, so runs never collide.
 */
public final class TestPostgres {

    public static final String HOST = env("VIGIL_TEST_PG_HOST", "127.0.0.1");

    public static final String PORT = env("VIGIL_TEST_PG_PORT", "5432");

    public static final String USER = env("VIGIL_TEST_PG_USER", "postgres");

    public static final String PASSWORD = env("VIGIL_TEST_PG_PASSWORD", "");

    public static final String DATABASE = "vigil_test";

    private static boolean databaseReady;

    private TestPostgres() {
    }

    /** A new, not yet created, schema name starting with {@code prefix}. */
    public static String freshSchema(String prefix) {
        ensureDatabase();
        return prefix.toLowerCase(Locale.ROOT) + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE;
    }

    public static String r2dbcUrl(String schema) {
        return "r2dbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE + "?schema=" + schema;
    }

    /** Spring properties that point a service's R2DBC pool and Flyway at {@code schema}. */
    public static Map<String, String> springProperties(String schema) {
        return Map.of("spring.r2dbc.url", r2dbcUrl(schema), "spring.r2dbc.username", USER, "spring.r2dbc.password",
                PASSWORD, "spring.flyway.url", jdbcUrl(), "spring.flyway.user", USER, "spring.flyway.password",
                PASSWORD, "spring.flyway.schemas", schema);
    }

    public static Connection connect() throws SQLException {
        ensureDatabase();
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    private static synchronized void ensureDatabase() {
        if (databaseReady) {
            return;
        }
        String admin = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
        try (Connection connection = DriverManager.getConnection(admin, USER, PASSWORD);
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("create database " + DATABASE);
            }
            databaseReady = true;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("PostgreSQL is not reachable on " + HOST + ":" + PORT
                    + " (start it, e.g. pg_ctlcluster 15 main start)", ex);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return (value == null || value.isBlank()) ? fallback : value;
    }
}
