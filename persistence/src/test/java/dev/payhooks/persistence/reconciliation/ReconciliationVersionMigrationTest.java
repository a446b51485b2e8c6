package dev.payhooks.persistence.reconciliation;

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
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The migration that versions reconciliations, on a database holding reconciliations from before
 * it: each keeps its state and starts at version 0; the version cannot be left empty.
 */
class ReconciliationVersionMigrationTest {

    static final String AT = "TIMESTAMP WITH TIME ZONE '2026-12-01 10:00:00+00'";

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storedReconciliationsKeepTheirStateAndStartAtVersionZero(String kind) throws SQLException {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        DataSource ds = TestDatabase.emptySchema(kind, schema);
        try {
            Flyway.configure(getClass().getClassLoader()).dataSource(ds).locations("classpath:db/migration")
                .target("37").load().migrate();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("insert into merchant (id, name, merchant_key, created_at, version) values"
                    + " ('m1', 'Shop', 'aaaaaaaaaaaaaaa', " + AT + ", 0)");
                for (String[] r : new String[][] {{"tx-checking", "CHECKING"}, {"tx-flagged", "NEEDS_ATTENTION"}}) {
                    s.executeUpdate("insert into payment_transaction (id, merchant_id, channel_slug, provider,"
                        + " merchant_reference, currency, status, authorized, charged, refunded, cancelled, charged_back,"
                        + " authorization_pending, charge_pending, refund_pending, cancel_pending, created_at, updated_at,"
                        + " version) values ('" + r[0] + "', 'm1', 'jp', 'np-atobarai', 's-" + r[0] + "', 'JPY',"
                        + " 'CHARGE_ACTION_REQUIRED', 0, 0, 0, 0, 0, 0, 3000, 0, 0, " + AT + ", " + AT + ", 0)");
                    s.executeUpdate("insert into transaction_reconciliation (transaction_id, merchant_id, state, attempts,"
                        + " next_check_at, reason, opened_at, updated_at) values ('" + r[0] + "', 'm1', '" + r[1] + "', 2, "
                        + AT + ", 'why', " + AT + ", " + AT + ")");
                }
            }

            Flyway.configure(getClass().getClassLoader()).dataSource(ds).locations("classpath:db/migration").load().migrate();

            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                List<String> found = new ArrayList<>();
                try (ResultSet rows = s.executeQuery("select transaction_id, state, attempts, reason, version"
                    + " from transaction_reconciliation order by transaction_id")) {
                    while (rows.next()) {
                        found.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getInt(3) + "|"
                            + rows.getString(4) + "|" + rows.getLong(5));
                    }
                }
                assertEquals(List.of("tx-checking|CHECKING|2|why|0", "tx-flagged|NEEDS_ATTENTION|2|why|0"), found);
                assertThrows(SQLException.class, () -> s.executeUpdate("update transaction_reconciliation"
                    + " set version = null where transaction_id = 'tx-checking'"));
            }
        } finally {
            TestDatabase.dropSchema(kind, schema, ds);
        }
    }
}
