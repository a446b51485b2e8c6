package dev.payhooks.app.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The server's stored transactionEventReport of one Saleor transaction, read and aged in its database. */
final class SaleorReportRows {

    private SaleorReportRows() {
    }

    /** "status failure redeliveries" of the report once it reads {@code expected} (or as it is after 30 s). */
    static String await(String saleorTx, String expected) throws Exception {
        return Eventually.poll(Duration.ofSeconds(30), () -> column(saleorTx,
            "status || ' ' || coalesce(failure, 'null') || ' ' || cast(redeliveries as varchar(10))"), expected::equals);
    }

    static void awaitAttempts(String saleorTx, int attempts) throws Exception {
        assertEquals(String.valueOf(attempts), Eventually.poll(Duration.ofSeconds(30),
            () -> column(saleorTx, "cast(attempts as varchar(10))"), String.valueOf(attempts)::equals));
    }

    /**
     * Makes the sender's last attempt of a report tried once due now (its retries take about 22
     * hours); returns how many reports it changed.
     */
    static int lastAttemptDueNow(String saleorTx) throws Exception {
        try (Connection db = ManagementApiIT.database(); PreparedStatement last = db.prepareStatement("update"
                + " saleor_transaction_report set attempts = 9, due_at = ? where saleor_transaction_id = ? and attempts = 1"
                + " and status = 'PENDING'")) {
            last.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            last.setString(2, saleorTx);
            return last.executeUpdate();
        }
    }

    /** The hub transaction the report names. */
    static String transactionOf(String saleorTx) throws Exception {
        return column(saleorTx, "transaction_id");
    }

    private static String column(String saleorTx, String expression) throws Exception {
        try (Connection db = ManagementApiIT.database(); PreparedStatement query = db.prepareStatement(
                "select " + expression + " from saleor_transaction_report where saleor_transaction_id = ?")) {
            query.setString(1, saleorTx);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
