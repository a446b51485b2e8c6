package dev.payhooks.application.transactions;

import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.fulfillment.Fulfillments;
import dev.payhooks.domain.payment.PaymentDetails;
import dev.payhooks.domain.payment.PaymentDetails.Contact;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.reconciliation.Reconciliation;
import dev.payhooks.domain.reconciliation.Reconciliations;
import dev.payhooks.domain.refund.Refund;
import dev.payhooks.domain.refund.Refunds;
import dev.payhooks.domain.retention.PersonalDataRedaction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A merchant's payment transactions as the management API and the console read them: a page
 * (newest first, keyset paging), one transaction with its refunds and fulfillments, and the daily
 * activity. Read-only; another merchant's transaction is simply not found.
 */
public record TransactionQueries(PaymentTransactions transactions, Refunds refunds, Fulfillments fulfillments,
                                 Reconciliations reconciliations, Clock clock) {

    /** The most days {@link #dailyActivity} covers. */
    public static final int MAX_ACTIVITY_DAYS = 366;

    /**
     * One transaction with what hangs off it. {@code details} are the transaction's payment details
     * as the caller may see them: the customer's contact masked for a caller who may only look;
     * {@code reconciliation}: how the reconciliation job checked its open outcome, if it ever did.
     */
    public record Detail(PaymentTransaction transaction, List<Refund> refunds, List<Fulfillment> fulfillments,
                         PaymentDetails details, Optional<Reconciliation> reconciliation) { }

    public PaymentTransactions.Page page(String merchantId, PaymentTransactions.Filter filter,
                                         Optional<PaymentTransactions.Cursor> after, int limit) {
        return transactions.search(merchantId, filter, after, limit);
    }

    /**
     * The caller's merchant's transaction with this id (surrounding blanks ignored); a malformed id
     * is not found either. Staff who may only look (viewers) get the customer's contact masked,
     * every value {@link PersonalDataRedaction#MARKER}, as they get notification bodies redacted.
     */
    public Detail detail(Caller caller, String id) {
        String merchantId = caller.merchantId();
        TransactionId transactionId = transactionId(id);
        PaymentTransaction t = transactions.byId(merchantId, transactionId)
            .orElseThrow(() -> new NotFound("transaction " + id));
        PaymentDetails details = caller.mayChange() ? t.details()
            : new PaymentDetails(t.details().method(), t.details().lineItems(), t.details().contact().map(Contact::masked));
        return new Detail(t, refunds.ofTransaction(t.id()), fulfillments.ofTransaction(t.id()), details,
            reconciliations.of(merchantId, t.id()));
    }

    /** A transaction id as a caller gives it (surrounding blanks ignored); a malformed one is not found. */
    public static TransactionId transactionId(String id) {
        try {
            return TransactionId.of(id == null ? "" : id.trim());
        } catch (InvalidValue malformed) {
            throw new NotFound("transaction");
        }
    }

    /** How many of the merchant's transactions the reconciliation flagged for staff. */
    public long needingAttention(String merchantId) {
        return reconciliations.needingAttention(merchantId);
    }

    /**
     * Transactions created per UTC day over the last {@code days} days (today included), oldest
     * first, counted by the store ({@link PaymentTransactions#dailyCounts}); days without any show
     * as zero.
     */
    public List<PaymentTransactions.DailyCount> dailyActivity(String merchantId, int days) {
        if (days < 1 || days > MAX_ACTIVITY_DAYS) {
            throw new InvalidField("days", "must be between 1 and " + MAX_ACTIVITY_DAYS);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, PaymentTransactions.DailyCount> counted = transactions.dailyCounts(merchantId,
                first.atStartOfDay(ZoneOffset.UTC).toInstant(), today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
            .stream().collect(Collectors.toMap(PaymentTransactions.DailyCount::day, c -> c));
        List<PaymentTransactions.DailyCount> activity = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            activity.add(counted.getOrDefault(d, new PaymentTransactions.DailyCount(d, 0, 0, 0)));
        }
        return activity;
    }
}
