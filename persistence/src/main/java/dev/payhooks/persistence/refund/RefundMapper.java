package dev.payhooks.persistence.refund;

import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.refund.Refund;
import dev.payhooks.domain.refund.RefundId;
import dev.payhooks.domain.refund.RefundKind;
import dev.payhooks.domain.refund.RefundLine;
import dev.payhooks.domain.refund.RefundSnapshot;
import dev.payhooks.domain.refund.RefundStage;
import dev.payhooks.domain.refund.RefundStatus;

import java.util.List;

/** Entity ↔ domain for refunds, through the aggregate's snapshot. */
final class RefundMapper {

    private RefundMapper() {
    }

    static Refund toDomain(RefundEntity e) {
        Currency currency = Currency.of(e.currency);
        List<RefundLine> lines = e.lines.stream().map(l -> new RefundLine(l.lineId(), l.orderLineId(), l.quantity(),
            l.amount() == null ? null : Money.of(l.amount(), currency))).toList();
        return Refund.reconstitute(new RefundSnapshot(RefundId.of(e.id), TransactionId.of(e.transactionId),
            RefundKind.valueOf(e.kind), e.grantedRefundId, Money.of(e.amount, currency), lines, e.includesShipping,
            RefundStage.valueOf(e.stage), RefundStatus.valueOf(e.status), e.providerReference, e.message,
            e.requestedAt, e.updatedAt, e.version()));
    }

    static RefundEntity toNewEntity(Refund refund) {
        RefundSnapshot s = refund.snapshot();
        RefundEntity e = new RefundEntity();
        e.id = s.id().value();
        e.transactionId = s.transactionId().value();
        e.kind = s.kind().name();
        e.grantedRefundId = s.grantedRefundId();
        e.amount = s.amount().minorUnits();
        e.currency = s.amount().currency().code();
        e.includesShipping = s.includesShipping();
        e.stage = s.stage().name();
        e.requestedAt = s.requestedAt();
        for (RefundLine line : s.lines()) {
            e.lines.add(new RefundLineRow(line.lineId(), line.orderLineId(), line.quantity(),
                line.amountIfKnown().map(Money::minorUnits).orElse(null)));
        }
        copyMutableState(s, e);
        return e;
    }

    /** The outcome; what was asked for (amount, lines, stage) never changes. */
    static void copyMutableState(RefundSnapshot s, RefundEntity e) {
        e.status = s.status().name();
        e.providerReference = s.providerReference();
        e.message = s.message();
        e.updatedAt = s.updatedAt();
    }
}
