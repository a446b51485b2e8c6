package dev.payhooks.persistence.staff;

import dev.payhooks.persistence.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The migration that gives each staff member a merchant or makes them an operator, on a database
 * holding staff from before it: members join the installation's (oldest) merchant and
 * administrators become operators.
 */
class StaffMerchantMigrationTest {

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void existingStaffJoinTheInstallationsMerchantAndAdministratorsBecomeOperators(String kind) throws SQLException {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        DataSource ds = TestDatabase.emptySchema(kind, schema);
        try {
            Flyway.configure(getClass().getClassLoader()).dataSource(ds).locations("classpath:db/migration")
                .target("29").load().migrate();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("insert into merchant (id, name, merchant_key, created_at, version) values"
                    + " ('m-later', 'Later', 'bbbbbbbbbbbbbbb', TIMESTAMP WITH TIME ZONE '2026-11-24 00:00:00+00', 0),"
                    + " ('m-first', 'Installation', 'aaaaaaaaaaaaaaa', TIMESTAMP WITH TIME ZONE '2026-11-23 00:00:00+00', 0)");
                s.executeUpdate("insert into staff_user (id, username, password_hash, roles, enabled, created_at, version) values"
                    + " ('u-1', 'admin', 'h', 'ADMINISTRATOR', TRUE, TIMESTAMP WITH TIME ZONE '2026-11-23 00:00:00+00', 0),"
                    + " ('u-2', 'dev', 'h', 'DEVELOPER', TRUE, TIMESTAMP WITH TIME ZONE '2026-11-23 00:00:00+00', 0),"
                    + " ('u-3', 'viewer', 'h', 'VIEWER', FALSE, TIMESTAMP WITH TIME ZONE '2026-11-23 00:00:00+00', 0)");
            }

            Flyway.configure(getClass().getClassLoader()).dataSource(ds).locations("classpath:db/migration").load().migrate();

            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("select username, merchant_id, operator, enabled from staff_user order by username")) {
                List<String> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getBoolean(3) + "|" + rows.getBoolean(4));
                }
                assertEquals(List.of("admin|null|true|true", "dev|m-first|false|true", "viewer|m-first|false|false"), found);
            }
        } finally {
            TestDatabase.dropSchema(kind, schema, ds);
        }
    }
}
