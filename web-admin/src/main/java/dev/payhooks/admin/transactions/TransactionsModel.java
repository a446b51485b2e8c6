package dev.payhooks.admin.transactions;

import dev.payhooks.admin.ConsoleModel;
import dev.payhooks.admin.Option;
import dev.payhooks.application.channels.ManageChannels;
import dev.payhooks.application.reconciliation.ResolveReconciliation;
import dev.payhooks.application.transactions.TransactionQueries;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentDetails;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionAmounts;
import dev.payhooks.domain.payment.TransactionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The transactions view's model: the merchant's transactions through {@link TransactionQueries}
 * (read-only), and marking one the reconciliation flagged as resolved ({@link ResolveReconciliation}).
 */
@ApplicationScoped
@Transactional
public class TransactionsModel extends ConsoleModel {

    @Inject
    TransactionQueries queries;
    @Inject
    ManageChannels channels;
    @Inject
    ResolveReconciliation resolver;

    public List<Option> channelOptions() {
        return channels.list(signedIn.merchantId()).stream()
            .sorted(Comparator.comparing(c -> c.slug()))
            .map(c -> new Option(c.slug(), c.name() + " (" + c.slug() + ")")).toList();
    }

    public List<Option> providerOptions() {
        return Option.providers();
    }

    public List<String> transactionStatuses() {
        return Arrays.stream(TransactionStatus.values()).map(Enum::name).toList();
    }

    /** A page of the merchant's transactions, newest first, after {@code after} (keyset paging). */
    public TransactionPage transactions(TransactionFilter filter, Optional<TransactionPage.Mark> after, int limit) {
        PaymentTransactions.Page page = queries.page(signedIn.merchantId(), domainFilter(filter),
            after.map(m -> new PaymentTransactions.Cursor(m.createdAt(), m.transactionId())), limit);
        return new TransactionPage(page.items().stream().map(TransactionsModel::row).toList(),
            page.next().map(c -> new TransactionPage.Mark(c.createdAt(), c.id())));
    }

    public TransactionDetails transaction(String id) {
        TransactionQueries.Detail detail = queries.detail(signedIn.caller(), id);
        PaymentTransaction t = detail.transaction();
        TransactionAmounts a = t.amounts();
        String pending = Stream.of(
                pendingPart("authorization", a.authorizationPending()), pendingPart("charge", a.chargePending()),
                pendingPart("refund", a.refundPending()), pendingPart("cancel", a.cancelPending()))
            .filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
        List<TransactionDetails.TimelineEntry> timeline = t.events().stream()
            .map(e -> new TransactionDetails.TimelineEntry(e.sequence(), e.at(), e.operation().name(), e.result().name(),
                e.amount().toMajorString(), e.statusAfter().name(), orEmpty(e.providerReference()), orEmpty(e.message()),
                e.reason() == null ? "" : e.reason().code(), e.reason() == null ? "" : e.reason().description()))
            .toList();
        List<TransactionDetails.ReferenceEntry> references = t.providerReferences().stream()
            .map(r -> new TransactionDetails.ReferenceEntry(r.value(), r.since())).toList();
        List<TransactionDetails.RefundEntry> refundEntries = detail.refunds().stream()
            .map(r -> new TransactionDetails.RefundEntry(r.id().value(), r.kind().name(), r.amount().toMajorString(),
                r.stage().name(), r.status().name(), r.includesShipping(),
                r.lines().stream().map(l -> l.lineId() + " → " + l.orderLineId() + " × " + l.quantity()
                    + l.amountIfKnown().map(m -> " (" + m.toMajorString() + ")").orElse("")).toList(),
                r.requestedAt(), r.providerReference().orElse(""), r.message().orElse("")))
            .toList();
        List<TransactionDetails.FulfillmentEntry> fulfillmentEntries = detail.fulfillments().stream()
            .map(f -> new TransactionDetails.FulfillmentEntry(f.id().value(), f.trackingNumber().value(),
                f.carrierCode().orElse(""), f.status().name(), f.reportAttempts(), f.createdAt(), f.message().orElse("")))
            .toList();
        PaymentDetails told = detail.details();
        String method = told.method().map(m -> Stream.of(m.brand(), m.maskedNumber(),
                m.expiry() == null ? null : "expires " + m.expiry(), m.wallet() == null ? null : "via " + m.wallet())
            .filter(part -> part != null).collect(Collectors.joining(" · "))).orElse("");
        List<String> items = told.lineItems().stream()
            .map(i -> Stream.of(i.quantity() == null ? null : i.quantity() + " ×", i.name(),
                    i.sku() == null ? null : "(" + i.sku() + ")",
                    i.price() == null ? null : "at " + Money.of(i.price(), t.currency()).toMajorString() + " " + t.currency().code(),
                    i.vatRate() == null ? null : "VAT " + i.vatRate() + " %")
                .filter(part -> part != null).collect(Collectors.joining(" ")))
            .toList();
        // masked by the use case for staff who may only look
        List<String> contact = told.contact().map(c -> c.fields().entrySet().stream()
            .map(field -> field.getKey() + ": " + field.getValue()).toList()).orElse(List.of());
        TransactionDetails.ReconciliationEntry reconciliation = detail.reconciliation()
            .map(r -> new TransactionDetails.ReconciliationEntry(r.state().name(), r.version(), r.needsAttention(), r.attempts(),
                r.lastCheckedAt().orElse(null), r.lastResult().orElse(""), r.reason().orElse(""), r.resolvedBy().orElse("")))
            .orElse(null);
        return new TransactionDetails(row(t), a.cancelled().toMajorString(), a.chargedBack().toMajorString(), pending,
            timeline, references, refundEntries, fulfillmentEntries, method, items, contact, reconciliation);
    }

    /**
     * Marks the transaction the reconciliation flagged as taken care of, as staff saw it at {@code shownVersion};
     * the use case checks the caller and refuses when the reconciliation changed since.
     */
    public void resolve(String transactionId, String note, long shownVersion) {
        resolver.resolve(signedIn.caller(), transactionId, note, OptionalLong.of(shownVersion));
    }

    /** How many of the merchant's transactions need staff's attention. */
    public long needingAttention() {
        return queries.needingAttention(signedIn.merchantId());
    }

    private static PaymentTransactions.Filter domainFilter(TransactionFilter filter) {
        Optional<ProviderId> provider = Optional.ofNullable(filter.provider()).filter(s -> !s.isBlank()).map(slug -> {
            try {
                return ProviderId.fromSlug(slug);
            } catch (InvalidValue unknown) {
                throw new InvalidField("provider", unknown.getMessage());
            }
        });
        Optional<TransactionStatus> status = Optional.ofNullable(filter.status()).filter(s -> !s.isBlank()).map(name -> {
            try {
                return TransactionStatus.valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new InvalidField("status", "unknown status " + name.trim());
            }
        });
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new InvalidField("to", "must be later than from");
        }
        return new PaymentTransactions.Filter(Optional.ofNullable(filter.channel()).filter(s -> !s.isBlank()).map(String::trim),
            provider, status, Optional.ofNullable(filter.from()), Optional.ofNullable(filter.to()), filter.needsAttention());
    }

    private static TransactionRow row(PaymentTransaction t) {
        return new TransactionRow(t.id().value(), t.createdAt(), t.channelSlug(), t.provider().slug(), t.merchantReference(),
            t.status().name(), t.currency().code(), t.authorized().toMajorString(), t.charged().toMajorString(),
            t.refunded().toMajorString(), t.providerReference().orElse(""));
    }

    private static String pendingPart(String what, Money amount) {
        return amount.isPositive() ? what + " " + amount.toMajorString() : "";
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
