package dev.payhooks.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upgrade from an early release: a database migrated to V4 (staff, merchants, API keys,
 * channels and their provider settings, notifications, the outbox, transactions) and holding a
 * row of each kind is migrated to the newest version; every row and every key column is still
 * there, and the columns added since hold what the code expects of old rows. On H2 always, on
 * PostgreSQL in a schema of its own when {@code PAYHOOKS_TEST_DB_URL} is set.
 */
class UpgradeFromEarlySchemaTest {

    private static final String EARLY = "4";

    /** Each table of the early schema and the columns that must survive an upgrade, in key order. */
    private static final Map<String, String> KEPT = new LinkedHashMap<>();

    static {
        KEPT.put("staff_user", "id, username, password_hash, roles, enabled, created_at");
        KEPT.put("merchant", "id, name, merchant_key, created_at");
        KEPT.put("api_key", "id, merchant_id, label, display_prefix, key_hash, sealed_key, created_at, revoked_at");
        KEPT.put("channel", "id, merchant_id, slug, name, currency, country, created_at");
        KEPT.put("channel_provider", "channel_id, provider, endpoint_key, setting_values, sealed_secrets");
        KEPT.put("inbound_notification", "id, provider, dedup_key, merchant_id, channel_slug, raw_body, headers, received_at,"
            + " verification, status, attempts");
        KEPT.put("outbound_event", "event_id, merchant_id, event_type, payload, created_at, idempotency_key, source");
        KEPT.put("payment_transaction", "id, merchant_id, channel_slug, provider, merchant_reference, provider_reference,"
            + " currency, status, authorized, charged, refunded, created_at");
        KEPT.put("transaction_event", "transaction_id, sequence_number, operation, result, amount, event_key, status_after");
        KEPT.put("transaction_provider_reference", "transaction_id, position, reference, since");
    }

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyRowOfAnEarlyDatabaseSurvivesTheUpgradeToTheNewestSchema(String kind) throws SQLException {
        String schema = "u_" + UUID.randomUUID().toString().replace("-", "");
        DataSource ds = TestDatabase.emptySchema(kind, schema);
        try {
            flyway(ds).target(EARLY).load().migrate();
            assertEquals(EARLY, flyway(ds).load().info().current().getVersion().getVersion());
            insertEarlyRows(ds);
            Map<String, List<String>> before = snapshot(ds);
            before.forEach((table, rows) -> assertTrue(!rows.isEmpty(), table + " holds a row before the upgrade"));

            int applied = flyway(ds).load().migrate().migrationsExecuted;

            MigrationVersion head = flyway(ds).load().info().current().getVersion();
            assertTrue(applied > 0 && head.isNewerThan(EARLY), "migrated from V" + EARLY + " to V" + head);
            assertEquals(before, snapshot(ds), "rows or key columns changed by the upgrade");
            assertEquals(List.of("n-1|m-1|shop|null", "n-2|||null"),
                rows(ds, "select id, dedup_merchant_id, dedup_channel_slug, transaction_id from inbound_notification order by id"),
                "old notifications get their dedup scope and no transaction link");
            assertEquals(List.of("s-1|null|null"),
                rows(ds, "select id, totp_secret, second_factor_enabled_at from staff_user"),
                "old staff have no second factor yet");
        } finally {
            TestDatabase.dropSchema(kind, schema, ds);
        }
    }

    private static void insertEarlyRows(DataSource ds) throws SQLException {
        String at = "TIMESTAMP WITH TIME ZONE '2026-01-15 09:30:00+00'";
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into staff_user (id, username, password_hash, roles, enabled, created_at, version)"
                + " values ('s-1', 'admin', 'pbkdf2$hash', 'ADMIN', TRUE, " + at + ", 0)");
            s.executeUpdate("insert into merchant (id, name, merchant_key, created_at, version)"
                + " values ('m-1', 'Shop One', 'aaaaaaaaaaaaaaa', " + at + ", 0)");
            s.executeUpdate("insert into merchant (id, name, merchant_key, created_at, version)"
                + " values ('m-2', 'Shop Two', 'bbbbbbbbbbbbbbb', " + at + ", 0)");
            s.executeUpdate("insert into api_key (id, merchant_id, label, display_prefix, key_hash, sealed_key, created_at,"
                + " revoked_at, version) values ('k-1', 'm-1', 'first', 'phk_abcd', '" + "a".repeat(64) + "', 'v1:sealed',"
                + " " + at + ", NULL, 0)");
            s.executeUpdate("insert into api_key (id, merchant_id, label, display_prefix, key_hash, sealed_key, created_at,"
                + " revoked_at, version) values ('k-2', 'm-1', 'old', 'phk_efgh', '" + "b".repeat(64) + "', 'v1:sealed2',"
                + " " + at + ", " + at + ", 0)");
            s.executeUpdate("insert into channel (id, merchant_id, slug, name, currency, country, created_at, updated_at, version)"
                + " values ('c-1', 'm-1', 'shop', 'Japan shop', 'JPY', 'JP', " + at + ", " + at + ", 0)");
            s.executeUpdate("insert into channel_provider (channel_id, provider, endpoint_key, setting_values, sealed_secrets)"
                + " values ('c-1', 'adyen', 'ep-1', '{\"merchantAccount\":\"ShopOne\"}', '{\"apiKey\":\"v1:sealed3\"}')");
            notification(c, "n-1", "psp-1:AUTHORISATION", "m-1", "shop", "VERIFIED", "PROCESSED", 1);
            notification(c, "n-2", "psp-2:AUTHORISATION", null, null, "FAILED", "IGNORED", 0);
            s.executeUpdate("insert into outbound_event (event_id, merchant_id, event_type, payload, created_at, idempotency_key, source)"
                + " values ('" + "e".repeat(64) + "', 'm-1', 'transaction.charged', '{\"id\":\"t-1\"}', " + at + ", 'idem-1', 'transaction:t-1')");
            s.executeUpdate("insert into payment_transaction (id, merchant_id, channel_slug, provider, merchant_reference,"
                + " provider_reference, currency, status, authorized, charged, refunded, cancelled, charged_back,"
                + " authorization_pending, charge_pending, refund_pending, cancel_pending, created_at, updated_at, version)"
                + " values ('t-1', 'm-1', 'shop', 'adyen', 'order-1', 'psp-1', 'JPY', 'CHARGED', 1000, 1000, 0, 0, 0, 0, 0, 0, 0,"
                + " " + at + ", " + at + ", 2)");
            s.executeUpdate("insert into transaction_event (transaction_id, sequence_number, operation, result, amount,"
                + " provider_reference, occurred_at, message, event_key, status_after) values ('t-1', 1, 'CHARGE', 'SUCCESS', 1000,"
                + " 'psp-1', " + at + ", NULL, 'psp-1:CAPTURE', 'CHARGED')");
            s.executeUpdate("insert into transaction_provider_reference (transaction_id, position, reference, since)"
                + " values ('t-1', 0, 'psp-1', " + at + ")");
        }
    }

    /** A notification as the early code wrote it; the raw body is bound (BYTEA takes no portable literal). */
    private static void notification(Connection c, String id, String key, String merchant, String channel,
                                     String verification, String status, int attempts) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into inbound_notification (id, provider, dedup_key,"
                + " merchant_id, channel_slug, raw_body, headers, received_at, verification, status, attempts, version)"
                + " values (?, 'adyen', ?, ?, ?, ?, '{\"hmac\":\"x\"}', ?, ?, ?, ?, 0)")) {
            insert.setString(1, id);
            insert.setString(2, key);
            insert.setString(3, merchant);
            insert.setString(4, channel);
            insert.setBytes(5, "{\"live\":\"false\"}".getBytes(StandardCharsets.UTF_8));
            insert.setObject(6, OffsetDateTime.parse("2026-01-15T09:30:00Z"));
            insert.setString(7, verification);
            insert.setString(8, status);
            insert.setInt(9, attempts);
            insert.executeUpdate();
        }
    }

    private static Map<String, List<String>> snapshot(DataSource ds) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : KEPT.entrySet()) {
            String columns = table.getValue();
            String key = columns.substring(0, columns.indexOf(',', columns.indexOf(',') + 1));
            tables.put(table.getKey(), rows(ds, "select " + columns + " from " + table.getKey() + " order by " + key));
        }
        return tables;
    }

    private static List<String> rows(DataSource ds, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    Object value = r.getObject(i);
                    row.append(i > 1 ? "|" : "").append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource ds) {
        return Flyway.configure(UpgradeFromEarlySchemaTest.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration");
    }

}
