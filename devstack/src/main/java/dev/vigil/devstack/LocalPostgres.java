package dev.vigil.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL the dev stack uses: a server already listening on the configured address, or
 * else one it starts itself from the embedded binaries, with its data under {@code .devstack/}.
 */
final class LocalPostgres implements AutoCloseable {

    private final String host;

    private final int port;

    private final String user;

    private final String password;

    private final String database;

    private @Nullable EmbeddedPostgres embedded;

    LocalPostgres(String database) {
        this.database = database;
        this.host = env("VIGIL_DB_HOST", "127.0.0.1");
        this.port = Integer.parseInt(env("VIGIL_DB_PORT", "5432"));
        this.user = env("VIGIL_DB_USER", "postgres");
        this.password = env("VIGIL_DB_PASSWORD", "");
    }

    /** Makes sure a server answers and the database exists; says how it got one. */
    String ensure(Path dataDirectory) throws SQLException {
        String how;
        if (listening()) {
            how = "using the PostgreSQL server on " + this.host + ":" + this.port;
        }
        else {
            startEmbedded(dataDirectory);
            how = "started an embedded PostgreSQL on " + this.host + ":" + this.port + " (data in " + dataDirectory + ")";
        }
        createDatabase();
        return how;
    }

    private void startEmbedded(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            this.embedded = EmbeddedPostgres.builder()
                .setPort(this.port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
        }
        catch (IOException | RuntimeException ex) {
            throw new DevStackException("PostgreSQL is not running on " + this.host + ":" + this.port
                    + " and could not be started here (" + rootCause(ex) + "); start it, e.g. "
                    + "'pg_ctlcluster 15 main start' or 'docker run -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres', "
                    + "then run ./vigil up again.");
        }
    }

    private void createDatabase() throws SQLException {
        String admin = "jdbc:postgresql://" + this.host + ":" + this.port + "/postgres";
        try (Connection connection = DriverManager.getConnection(admin, this.user, this.password);
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, this.database);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("create database \"" + this.database + "\"");
            }
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(this.host, this.port), 500);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    String database() {
        return this.database;
    }

    String host() {
        return this.host;
    }

    int port() {
        return this.port;
    }

    String user() {
        return this.user;
    }

    String password() {
        return this.password;
    }

    @Override
    public void close() throws IOException {
        if (this.embedded != null) {
            this.embedded.close();
        }
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return (value == null || value.isBlank()) ? fallback : value;
    }
}
