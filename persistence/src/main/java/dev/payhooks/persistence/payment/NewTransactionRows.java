package dev.payhooks.persistence.payment;

import dev.payhooks.persistence.jpa.TransactionConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * A new transaction's rows written as plain SQL: the {@code payment_transaction} row (unless its
 * id is taken), then its events and its provider references, each table one JDBC batch. The
 * columns are those of the entity {@link PaymentTransactionMapper#toNewEntity} builds, which is
 * never handed to the session: a later read in the same transaction loads the stored rows.
 */
final class NewTransactionRows {

    private static final String TRANSACTION = "INSERT INTO payment_transaction (id, merchant_id, channel_slug, provider,"
        + " merchant_reference, provider_reference, currency, status, authorized, charged, refunded, cancelled, charged_back,"
        + " authorization_pending, charge_pending, refund_pending, cancel_pending, payment_details, contact_details,"
        + " created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String EVENT = "INSERT INTO transaction_event (transaction_id, sequence_number, operation, result,"
        + " amount, provider_reference, occurred_at, message, event_key, status_after, reason_code, reason_description)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String REFERENCE = "INSERT INTO transaction_provider_reference (transaction_id, position, reference, since)"
        + " VALUES (?, ?, ?, ?)";

    private NewTransactionRows() {
    }

    /** Whether it inserted; false, with nothing written, when a transaction with the id is stored. */
    static boolean insert(Connection connection, PaymentTransactionEntity e) throws SQLException {
        if (!TransactionConnection.insertUnlessTaken(connection, TRANSACTION, "id", row -> bindTransaction(row, e))) {
            return false;
        }
        if (!e.events.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(EVENT)) {
                for (TransactionEventEntity ev : e.events) {
                    bindEvent(insert, ev);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (!e.providerReferences.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(REFERENCE)) {
                for (int position = 0; position < e.providerReferences.size(); position++) {
                    ProviderReferenceRow r = e.providerReferences.get(position);
                    insert.setString(1, e.id());
                    insert.setInt(2, position);
                    insert.setString(3, r.reference());
                    insert.setTimestamp(4, timestamp(r.since()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        return true;
    }

    private static void bindTransaction(PreparedStatement row, PaymentTransactionEntity e) throws SQLException {
        row.setString(1, e.id());
        row.setString(2, e.merchantId());
        row.setString(3, e.channelSlug);
        row.setString(4, e.provider);
        row.setString(5, e.merchantReference);
        row.setString(6, e.providerReference);
        row.setString(7, e.currency);
        row.setString(8, e.status);
        long[] amounts = {e.authorized, e.charged, e.refunded, e.cancelled, e.chargedBack, e.authorizationPending,
            e.chargePending, e.refundPending, e.cancelPending};
        for (int i = 0; i < amounts.length; i++) {
            row.setLong(9 + i, amounts[i]);
        }
        row.setString(18, e.paymentDetails);
        row.setString(19, e.contactDetails);
        row.setTimestamp(20, timestamp(e.createdAt()));
        row.setTimestamp(21, timestamp(e.updatedAt()));
        row.setLong(22, e.version());
    }

    private static void bindEvent(PreparedStatement row, TransactionEventEntity ev) throws SQLException {
        row.setString(1, ev.transactionId);
        row.setInt(2, ev.sequence);
        row.setString(3, ev.operation);
        row.setString(4, ev.result);
        row.setLong(5, ev.amount);
        row.setString(6, ev.providerReference);
        row.setTimestamp(7, timestamp(ev.at));
        row.setString(8, ev.message);
        row.setString(9, ev.eventKey);
        row.setString(10, ev.statusAfter);
        row.setString(11, ev.reasonCode);
        row.setString(12, ev.reasonDescription);
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.from(at);
    }
}
