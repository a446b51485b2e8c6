package dev.payhooks.domain.provider;

import dev.payhooks.domain.outbound.JsonText;
import dev.payhooks.domain.payment.PaymentDetails;
import dev.payhooks.domain.payment.PaymentTransaction;

import java.util.List;
import java.util.Objects;

/** What a well-formed notification asks the hub to do. */
public sealed interface NotificationEffect {

    /** Understood, and nothing to do: an unknown event type, status or reason. Stored and acknowledged. */
    record NoEffect(String reason) implements NotificationEffect {
        public NoEffect {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a no-effect notification needs a reason");
            }
        }
    }

    /**
     * Something happened to one payment: find it ({@link TransactionTarget}), then the adapter
     * translates the notification into facts for the transaction as it stands now (a refund
     * notification carrying the refunded total becomes the part not yet recorded). {@code details}
     * is what the notification told about the payment (card, products, contact); the transaction
     * takes it with the facts.
     */
    record OnTransaction(TransactionTarget target, TransactionFacts facts, PaymentDetails details) implements NotificationEffect {
        public OnTransaction {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(details, "details");
        }

        /** A notification that tells nothing about the payment beyond its facts. */
        public OnTransaction(TransactionTarget target, TransactionFacts facts) {
            this(target, facts, PaymentDetails.NONE);
        }
    }

    /** A recurring-payment subscription changed (Annanow); it becomes an outbound event of this type. */
    record OnSubscription(String eventType, String subscriptionId, JsonText object) implements NotificationEffect {
        public OnSubscription {
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(subscriptionId, "subscriptionId");
            Objects.requireNonNull(object, "object");
        }
    }

    /** The provider facts for the transaction as it stands; empty list or a {@link NoEffect} reason when none applies. */
    @FunctionalInterface
    interface TransactionFacts {
        FactsOrNoEffect factsFor(PaymentTransaction current);
    }

    /** Either facts to apply in order, or why nothing applies to this transaction. */
    record FactsOrNoEffect(List<PaymentFact> facts, String noEffectReason) {
        public FactsOrNoEffect {
            facts = List.copyOf(facts);
            if (facts.isEmpty() == (noEffectReason == null)) {
                throw new IllegalArgumentException("give either facts or a reason for no effect");
            }
        }

        public static FactsOrNoEffect of(PaymentFact... facts) {
            return new FactsOrNoEffect(List.of(facts), null);
        }

        public static FactsOrNoEffect noEffect(String reason) {
            return new FactsOrNoEffect(List.of(), reason);
        }
    }
}
