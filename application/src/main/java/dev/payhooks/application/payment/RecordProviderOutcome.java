package dev.payhooks.application.payment;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.outbound.TransactionNotices;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionEvent;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.provider.TransactionTarget;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where every provider outcome ends: a Saleor session or action answered by NP Atobarai or
 * Adyen, and every Adyen, Walley or Annanow notification. It finds the transaction the outcome
 * concerns (or creates it when the outcome describes a new payment), applies the outcome through
 * the aggregate, saves it and writes the merchant's outbound events to the outbox.
 *
 * <p>It runs in the caller's transaction: the caller (one handler per entry point) opens one
 * unit of work that also stores whatever must commit with the outcome (Saleor's stored reply,
 * a refund, the inbound notification's status), so the state change, its events and that record
 * commit together or not at all. Nothing is saved when the aggregate refuses the outcome or
 * when the outcome was recorded before.
 */
public record RecordProviderOutcome(PaymentTransactions transactions, TransactionNotices notices, IdGenerator ids,
                                    Clock clock) {

    /** Which transaction an outcome concerns. */
    public sealed interface Target permits Known, Referenced { }

    /**
     * A transaction whose hub id is known (a Saleor transaction); the first outcome creates it
     * as {@code createAs} describes, or finds nothing when that is empty.
     */
    public record Known(TransactionId id, Optional<NewPayment> createAs) implements Target {
        public Known {
            Required.nonNull("id, createAs", id, createAs);
        }
    }

    /**
     * A notification's transaction: found by its provider references, then its merchant
     * reference; a new one (when the target describes it) belongs to the notification's channel.
     */
    public record Referenced(TransactionTarget target, String channelSlug) implements Target {
        public Referenced {
            Required.nonNull("target, channelSlug", target, channelSlug);
        }

        Optional<NewPayment> newPayment() {
            return target.createIfUnknown()
                .map(described -> new NewPayment(channelSlug, described.merchantReference(), described.currency()));
        }
    }

    /** A payment the outcome creates when the hub does not know it yet. */
    public record NewPayment(String channelSlug, String merchantReference, Currency currency) {
        public NewPayment {
            Required.nonNull("channelSlug, merchantReference, currency", channelSlug, merchantReference, currency);
        }
    }

    /** One change to the transaction; throws {@link DomainException} when the aggregate refuses it. */
    @FunctionalInterface
    public interface Change {
        List<TransactionEvent> applyTo(PaymentTransaction transaction);
    }

    /**
     * A change and how its events are published: under {@code publishedAs} when the outcome
     * names a catalog type the operation cannot express, else under each event's default type.
     */
    public record Step(Change change, Optional<String> publishedAs) {
        public Step {
            Required.nonNull("change, publishedAs", change, publishedAs);
        }

        public static Step of(Change change) {
            return new Step(change, Optional.empty());
        }
    }

    /** What an outcome means for the transaction it found: the steps to apply in order, or why it has no effect. */
    public record Changes(List<Step> steps, Optional<String> noEffect) {
        public Changes {
            steps = List.copyOf(steps);
            Objects.requireNonNull(noEffect, "noEffect");
            if (steps.isEmpty() == noEffect.isEmpty()) {
                throw new IllegalArgumentException("changes are either steps or a reason for no effect");
            }
        }

        public static Changes of(Step... steps) {
            return new Changes(List.of(steps), Optional.empty());
        }

        public static Changes of(List<Step> steps) {
            return new Changes(steps, Optional.empty());
        }

        public static Changes of(Change change) {
            return of(Step.of(change));
        }

        public static Changes none(String reason) {
            return new Changes(List.of(), Optional.of(reason));
        }
    }

    /** What the outcome is once the transaction is found: decided against its current state. */
    @FunctionalInterface
    public interface Outcome {
        Changes changesFor(PaymentTransaction transaction);
    }

    /**
     * @param merchant    whose transaction it is; its outbound events go to its webhooks
     * @param provider    the provider that answered or notified
     * @param description how the outcome is named in a reason ("AUTHORISATION for 8835…")
     */
    public record Command(Merchant merchant, ProviderId provider, Target target, Outcome outcome, String description) {
        public Command {
            Required.nonNull("merchant, provider, target, outcome, description",
                merchant, provider, target, outcome, description);
        }
    }

    /** What recording did. */
    public sealed interface Result permits Recorded, NoEffect { }

    /**
     * Saved, with the events each step caused (in step order), already in the outbox.
     *
     * @param created whether this outcome created the transaction
     */
    public record Recorded(PaymentTransaction transaction, boolean created, List<List<TransactionEvent>> eventsPerStep)
        implements Result {
        public Recorded {
            eventsPerStep = eventsPerStep.stream().map(List::copyOf).toList();
        }
    }

    /**
     * Nothing saved.
     *
     * @param transaction the existing transaction it concerned, if any
     * @param refused     whether the aggregate refused the outcome (an illegal transition, an amount rule)
     */
    public record NoEffect(Optional<TransactionId> transaction, String reason, boolean refused) implements Result { }

    /** In the caller's transaction. */
    public Result record(Command command) {
        String merchantId = command.merchant().id();
        Optional<PaymentTransaction> found = find(merchantId, command.provider(), command.target());
        Optional<NewPayment> createAs = command.target() instanceof Known known ? known.createAs()
            : ((Referenced) command.target()).newPayment();
        boolean created = found.isEmpty();
        PaymentTransaction transaction;
        if (found.isPresent()) {
            transaction = found.get();
        } else if (createAs.isPresent()) {
            transaction = PaymentTransaction.initialize(newId(command.target()), createAs.get().channelSlug(),
                command.provider(), createAs.get().merchantReference(), createAs.get().currency(), clock.instant());
        } else {
            return new NoEffect(Optional.empty(), "no transaction matches " + describe(command.target()) + " and "
                + command.description() + " does not describe a payment to create", false);
        }
        Optional<TransactionId> existing = created ? Optional.empty() : Optional.of(transaction.id());
        Changes changes = command.outcome().changesFor(transaction);
        if (changes.noEffect().isPresent()) {
            return new NoEffect(existing, changes.noEffect().get(), false);
        }
        List<List<TransactionEvent>> applied = new ArrayList<>();
        try {
            for (Step step : changes.steps()) {
                applied.add(step.change().applyTo(transaction));
            }
        } catch (DomainException rejected) {
            return new NoEffect(existing, "transaction " + transaction.id() + " (" + transaction.status() + ") refused "
                + command.description() + ": " + rejected.getMessage(), true);
        }
        if (applied.stream().allMatch(List::isEmpty)) {
            return new NoEffect(existing, "already recorded on transaction " + transaction.id(), false);
        }
        if (created) {
            transactions.add(merchantId, transaction);
        } else {
            transactions.update(transaction);
        }
        for (int i = 0; i < applied.size(); i++) {
            List<TransactionEvent> events = applied.get(i);
            Optional<String> type = changes.steps().get(i).publishedAs();
            if (type.isPresent()) {
                events.forEach(event -> notices.publishAs(command.merchant(), type.get(), transaction, event));
            } else {
                notices.publish(command.merchant(), transaction, events);
            }
        }
        return new Recorded(transaction, created, applied);
    }

    private TransactionId newId(Target target) {
        return target instanceof Known known ? known.id() : TransactionId.of(ids.newId());
    }

    private Optional<PaymentTransaction> find(String merchantId, ProviderId provider, Target target) {
        if (target instanceof Known known) {
            return transactions.byId(merchantId, known.id());
        }
        TransactionTarget referenced = ((Referenced) target).target();
        return transactions.byReferences(merchantId, provider, referenced.providerReferences(), referenced.merchantReference());
    }

    private static String describe(Target target) {
        if (target instanceof Known known) {
            return "transaction " + known.id();
        }
        TransactionTarget referenced = ((Referenced) target).target();
        List<String> parts = new ArrayList<>();
        if (!referenced.providerReferences().isEmpty()) {
            parts.add("provider references " + referenced.providerReferences());
        }
        referenced.merchantReference().ifPresent(reference -> parts.add("merchant reference " + reference));
        return parts.isEmpty() ? "nothing" : String.join(" or ", parts);
    }
}
