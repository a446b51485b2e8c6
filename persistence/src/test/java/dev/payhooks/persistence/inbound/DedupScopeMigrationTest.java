package dev.payhooks.persistence.inbound;

import dev.payhooks.persistence.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The migration that scopes the notification dedup key to merchant and channel, on a database
 * holding rows written before it: every row is kept and gets its scope, and the same key is then
 * free for another merchant but still taken within the same one.
 */
class DedupScopeMigrationTest {

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void existingRowsAreKeptAndScopedToTheirMerchantAndChannel(String kind) throws SQLException {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        DataSource ds = TestDatabase.emptySchema(kind, schema);
        try {
            Flyway.configure(getClass().getClassLoader()).dataSource(ds).locations("classpath:db/migration")
                .target("23").load().migrate();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("insert into merchant (id, name, merchant_key, created_at, version)"
                    + " values ('m-1', 'One', 'aaaaaaaaaaaaaaa', TIMESTAMP WITH TIME ZONE '2026-11-23 00:00:00+00', 0)");
                s.executeUpdate("insert into merchant (id, name, merchant_key, created_at, version)"
                    + " values ('m-2', 'Two', 'bbbbbbbbbbbbbbb', TIMESTAMP WITH TIME ZONE '2026-11-23 00:00:00+00', 0)");
                insert(c, "n-1", "m-1", "shop", "k-1");
                insert(c, "n-2", null, null, "k-2");
            }

            Flyway.configure(getClass().getClassLoader()).dataSource(ds).locations("classpath:db/migration").load().migrate();

            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("select id, merchant_id, channel_slug, dedup_merchant_id, dedup_channel_slug,"
                     + " dedup_key from inbound_notification order by id")) {
                List<String> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getString(3) + "|"
                        + rows.getString(4) + "|" + rows.getString(5) + "|" + rows.getString(6));
                }
                assertEquals(List.of("n-1|m-1|shop|m-1|shop|k-1", "n-2|null|null|||k-2"), found);
            }
            try (Connection c = ds.getConnection()) {
                insert(c, "n-3", "m-2", "shop", "k-1"); // the same key at another merchant
                SQLException taken = assertThrows(SQLException.class, () -> insert(c, "n-4", "m-1", "shop", "k-1"));
                assertEquals("23505", taken.getSQLState());
            }
        } finally {
            TestDatabase.dropSchema(kind, schema, ds);
        }
    }

    /** A row as the code before the migration wrote it (without the scope columns). */
    private static void insert(Connection c, String id, String merchant, String channel, String key) throws SQLException {
        boolean scoped = hasScopeColumns(c);
        try (PreparedStatement insert = c.prepareStatement("insert into inbound_notification (id, provider, dedup_key,"
                + " merchant_id, channel_slug, raw_body, headers, received_at, verification, status, attempts, version"
                + (scoped ? ", dedup_merchant_id, dedup_channel_slug" : "") + ") values (?, 'adyen', ?, ?, ?, ?, '{}', ?,"
                + " 'VERIFIED', 'RECEIVED', 0, 0" + (scoped ? ", ?, ?" : "") + ")")) {
            insert.setString(1, id);
            insert.setString(2, key);
            insert.setString(3, merchant);
            insert.setString(4, channel);
            insert.setBytes(5, new byte[] {'{', '}'});
            insert.setObject(6, OffsetDateTime.parse("2026-11-23T10:00:00Z"));
            if (scoped) {
                insert.setString(7, merchant == null ? "" : merchant);
                insert.setString(8, channel == null ? "" : channel);
            }
            insert.executeUpdate();
        }
    }

    private static boolean hasScopeColumns(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet ignored = s.executeQuery("select dedup_merchant_id from inbound_notification where 1 = 0")) {
            return true;
        } catch (SQLException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            return false;
        }
    }

}
