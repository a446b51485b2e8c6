package dev.payhooks.persistence.reconciliation;

import dev.payhooks.persistence.TestDatabase;
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.payhooks.persistence.TestDatabase#kinds")
    void storedReconciliationsKeepTheirStateAndStartAtVersionZero(String kind) throws SQLException {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        DataSource ds = TestDatabase.emptySchema(kind, schema);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            TestDatabase.migrate(ds, "37");
            s.executeUpdate("insert into merchant (id, name, merchant_key, created_at, version) values"
                + " ('m1', 'Shop', 'aaaaaaaaaaaaaaa', " + AT + ", 0)");
            storedBefore(s, "tx-checking", "CHECKING");
            storedBefore(s, "tx-flagged", "NEEDS_ATTENTION");

            TestDatabase.migrate(ds, null);

            assertEquals(List.of("tx-checking|CHECKING|2|why|0", "tx-flagged|NEEDS_ATTENTION|2|why|0"), stored(s));
            assertThrows(SQLException.class, () -> s.executeUpdate("update transaction_reconciliation"
                + " set version = null where transaction_id = 'tx-checking'"));
        } finally {
            TestDatabase.dropSchema(kind, schema, ds);
        }
    }

    /** An NP charge on hold and its reconciliation, as stored before the version column. */
    private static void storedBefore(Statement s, String transactionId, String state) throws SQLException {
        s.executeUpdate("insert into payment_transaction (id, merchant_id, channel_slug, provider, merchant_reference,"
            + " currency, status, authorized, charged, refunded, cancelled, charged_back, authorization_pending,"
            + " charge_pending, refund_pending, cancel_pending, created_at, updated_at, version) values ('" + transactionId
            + "', 'm1', 'jp', 'np-atobarai', 's-" + transactionId + "', 'JPY', 'CHARGE_ACTION_REQUIRED', 0, 0, 0, 0, 0, 0,"
            + " 3000, 0, 0, " + AT + ", " + AT + ", 0)");
        s.executeUpdate("insert into transaction_reconciliation (transaction_id, merchant_id, state, attempts,"
            + " next_check_at, reason, opened_at, updated_at) values ('" + transactionId + "', 'm1', '" + state + "', 2, "
            + AT + ", 'why', " + AT + ", " + AT + ")");
    }

    private static List<String> stored(Statement s) throws SQLException {
        List<String> found = new ArrayList<>();
        try (ResultSet rows = s.executeQuery("select transaction_id, state, attempts, reason, version"
            + " from transaction_reconciliation order by transaction_id")) {
            while (rows.next()) {
                found.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getInt(3) + "|"
                    + rows.getString(4) + "|" + rows.getLong(5));
            }
        }
        return found;
    }
}
