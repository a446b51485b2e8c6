package dev.payhooks.persistence.payment;

import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.FailureReason;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReference;
import dev.payhooks.domain.payment.TransactionAmounts;
import dev.payhooks.domain.payment.TransactionEvent;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.payment.TransactionSnapshot;
import dev.payhooks.domain.payment.TransactionStatus;

import java.util.Comparator;
import java.util.List;

/** Entity ↔ domain for payment transactions, through the aggregate's snapshot. */
final class PaymentTransactionMapper {

    private PaymentTransactionMapper() {
    }

    static PaymentTransaction toDomain(PaymentTransactionEntity e) {
        Currency currency = Currency.of(e.currency);
        TransactionId id = TransactionId.of(e.id());
        TransactionAmounts amounts = new TransactionAmounts(money(e.authorized, currency), money(e.charged, currency),
            money(e.refunded, currency), money(e.cancelled, currency), money(e.chargedBack, currency),
            money(e.authorizationPending, currency), money(e.chargePending, currency),
            money(e.refundPending, currency), money(e.cancelPending, currency));
        List<ProviderReference> references = e.providerReferences.stream()
            .map(r -> new ProviderReference(r.reference(), r.since())).toList();
        List<TransactionEvent> events = e.events.stream().sorted(Comparator.comparingInt(ev -> ev.sequence)).map(ev -> new TransactionEvent(ev.sequence, id,
            Operation.valueOf(ev.operation), OperationResult.valueOf(ev.result), money(ev.amount, currency),
            ev.providerReference, ev.at, ev.message, ev.eventKey, TransactionStatus.valueOf(ev.statusAfter),
            ev.reasonCode == null ? null : new FailureReason(ev.reasonCode, ev.reasonDescription))).toList();
        return PaymentTransaction.reconstitute(new TransactionSnapshot(id, e.channelSlug, ProviderId.fromSlug(e.provider),
            e.merchantReference, currency, TransactionStatus.valueOf(e.status), amounts, references, events,
            e.createdAt(), e.updatedAt(), e.version(), PaymentDetailsJson.read(e.paymentDetails, e.contactDetails)));
    }

    static PaymentTransactionEntity toNewEntity(String merchantId, PaymentTransaction t) {
        PaymentTransactionEntity e = new PaymentTransactionEntity();
        TransactionSnapshot s = t.snapshot();
        e.ownedBy(merchantId, s.id().value());
        e.channelSlug = s.channelSlug();
        e.provider = s.provider().slug();
        e.merchantReference = s.merchantReference();
        e.currency = s.currency().code();
        e.createdAt(s.createdAt());
        copyMutableState(s, e);
        return e;
    }

    /** Current state, plus the events and references the entity does not have yet (both only grow). */
    static void copyMutableState(TransactionSnapshot s, PaymentTransactionEntity e) {
        e.status = s.status().name();
        e.providerReference = s.providerReferences().isEmpty() ? null
            : s.providerReferences().get(s.providerReferences().size() - 1).value();
        TransactionAmounts a = s.amounts();
        e.authorized = a.authorized().minorUnits();
        e.charged = a.charged().minorUnits();
        e.refunded = a.refunded().minorUnits();
        e.cancelled = a.cancelled().minorUnits();
        e.chargedBack = a.chargedBack().minorUnits();
        e.authorizationPending = a.authorizationPending().minorUnits();
        e.chargePending = a.chargePending().minorUnits();
        e.refundPending = a.refundPending().minorUnits();
        e.cancelPending = a.cancelPending().minorUnits();
        e.updatedAt(s.updatedAt());
        e.paymentDetails = PaymentDetailsJson.writeDetails(s.details());
        e.contactDetails = PaymentDetailsJson.writeContact(s.details());
        for (int i = e.events.size(); i < s.events().size(); i++) {
            e.events.add(eventRow(s.events().get(i)));
        }
        for (int i = e.providerReferences.size(); i < s.providerReferences().size(); i++) {
            ProviderReference r = s.providerReferences().get(i);
            e.providerReferences.add(new ProviderReferenceRow(r.value(), r.since()));
        }
    }

    private static TransactionEventEntity eventRow(TransactionEvent ev) {
        TransactionEventEntity row = new TransactionEventEntity();
        row.transactionId = ev.transactionId().value();
        row.sequence = ev.sequence();
        row.operation = ev.operation().name();
        row.result = ev.result().name();
        row.amount = ev.amount().minorUnits();
        row.providerReference = ev.providerReference();
        row.at = ev.at();
        row.message = ev.message();
        row.eventKey = ev.eventKey();
        row.statusAfter = ev.statusAfter().name();
        if (ev.reason() != null) {
            row.reasonCode = ev.reason().code();
            row.reasonDescription = ev.reason().description();
        }
        return row;
    }

    private static Money money(long minorUnits, Currency currency) {
        return Money.of(minorUnits, currency);
    }
}
