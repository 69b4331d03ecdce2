package dev.vigil.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import dev.vigil.common.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database with entries from before tamper evidence (no leaves) migrates to a verifiable log
 * that starts from entry 0, with the old entries kept, unchanged, beside it.
 */
class EarlyEntriesMigrationIT {

    private final String schema = TestPostgres.freshSchema("audit_migration_it");

    @Test
    void entriesWithoutLeavesAreSetAsideUnchanged() throws Exception {
        migrate("1");
        sql("insert into audit_entries (event_id, actor, action, resource, outcome, source) values "
                + "(gen_random_uuid(), 'alice', 'deploy', '/svc/a', 200, '/vigil/api'), "
                + "(gen_random_uuid(), 'bob', 'rollback', '/svc/a', 200, '/vigil/api')");

        migrate(null);

        assertThat(count("audit_entries")).as("the verifiable log starts empty").isZero();
        assertThat(count("audit_entries_unverified")).isEqualTo(2);
        try (Connection connection = TestPostgres.connect(); Statement sql = connection.createStatement()) {
            ResultSet kept = sql.executeQuery("select actor, action from " + this.schema
                    + ".audit_entries_unverified order by seq");
            kept.next();
            assertThat(kept.getString("actor") + " " + kept.getString("action")).isEqualTo("alice deploy");
            kept.next();
            assertThat(kept.getString("actor") + " " + kept.getString("action")).isEqualTo("bob rollback");
        }
    }

    @Test
    void aFreshDatabaseHasNothingToSetAside() throws Exception {
        migrate(null);
        try (Connection connection = TestPostgres.connect(); Statement sql = connection.createStatement()) {
            ResultSet table = sql.executeQuery("select to_regclass('" + this.schema + ".audit_entries_unverified')");
            table.next();
            assertThat(table.getString(1)).isNull();
        }
    }

    private void migrate(String target) {
        var configuration = Flyway.configure()
            .dataSource(TestPostgres.jdbcUrl(), TestPostgres.USER, TestPostgres.PASSWORD)
            .schemas(this.schema)
            .createSchemas(true)
            .locations("classpath:db/migration", "classpath:db/vigil-common");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private long count(String table) throws Exception {
        try (Connection connection = TestPostgres.connect(); Statement sql = connection.createStatement()) {
            ResultSet count = sql.executeQuery("select count(*) from " + this.schema + "." + table);
            count.next();
            return count.getLong(1);
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = TestPostgres.connect(); Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + this.schema);
            sql.execute(statement);
        }
    }
}
