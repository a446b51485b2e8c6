package dev.payhooks.domain.payment;

import dev.payhooks.domain.StampedAggregate;
import dev.payhooks.domain.error.IllegalTransition;
import dev.payhooks.domain.error.InvalidValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.payhooks.domain.payment.Operation.*;
import static dev.payhooks.domain.payment.OperationResult.*;
import static dev.payhooks.domain.payment.TransactionStatus.*;

/**
 * One payment of one order (or checkout) at one provider, in one currency: the aggregate that
 * every provider adapter reports into. Its methods name what happened
 * ({@link #authorizationSucceeded}, {@link #refundRequested}…) and return the events they
 * caused; a repeated provider fact (same event key, same content) changes nothing and returns
 * no event. Allowed sequences are in {@link TransitionTable}; the amount rules (all but the
 * first checked by {@link AmountRules}) are:
 * <ul>
 *   <li>every reported amount is positive and in the transaction's currency;</li>
 *   <li>a capture never exceeds what remains authorized (a sale needs no authorization);</li>
 *   <li>a cancel voids the whole uncaptured remainder of the authorization, so there is
 *       nothing to cancel after a full charge, and never while a capture is pending;</li>
 *   <li>refunds never exceed what was charged, less what is refunded or being refunded.</li>
 * </ul>
 * Before money moved (authorization or sale attempts), the provider reference in a report
 * becomes the payment's reference. After that it changes only when a report says so
 * ({@link ProviderReport#newPaymentReference()}); every reference is kept in
 * {@link #providerReferences()}.
 */
public final class PaymentTransaction extends StampedAggregate {

    private static final Set<TransactionStatus> BEFORE_PAYMENT = EnumSet.of(NEW, FAILED,
        AUTHORIZATION_REQUESTED, AUTHORIZATION_ACTION_REQUIRED, CHARGE_REQUESTED, CHARGE_ACTION_REQUIRED);
    private static final int MAX_TEXT_LENGTH = 255;

    private final TransactionId id;
    private final String channelSlug;
    private final ProviderId provider;
    private final String merchantReference;
    private final Currency currency;
    private TransactionStatus status;
    private TransactionAmounts amounts;
    private final List<ProviderReference> providerReferences;
    private final List<TransactionEvent> events;
    private final Map<String, TransactionEvent> eventsByKey = new HashMap<>();
    private PaymentDetails details;

    private PaymentTransaction(TransactionSnapshot stored) {
        super(stored.createdAt(), stored.updatedAt(), stored.version());
        this.id = Objects.requireNonNull(stored.id(), "id");
        this.channelSlug = requireSlug(stored.channelSlug());
        this.provider = Objects.requireNonNull(stored.provider(), "provider");
        this.merchantReference = requireText(stored.merchantReference(), "merchant reference");
        this.currency = Objects.requireNonNull(stored.currency(), "currency");
        this.status = Objects.requireNonNull(stored.status(), "status");
        this.amounts = Objects.requireNonNull(stored.amounts(), "amounts");
        this.providerReferences = new ArrayList<>(stored.providerReferences());
        this.events = new ArrayList<>(stored.events());
        this.details = Objects.requireNonNull(stored.details(), "details");
        requireConsistent();
        for (TransactionEvent event : events) {
            if (event.eventKey() != null) {
                eventsByKey.put(event.eventKey(), event);
            }
        }
    }

    /** A new transaction before any provider call: status NEW, all amounts zero. */
    public static PaymentTransaction initialize(TransactionId id, String channelSlug, ProviderId provider,
                                                String merchantReference, Currency currency, Instant at) {
        return new PaymentTransaction(new TransactionSnapshot(id, channelSlug, provider, merchantReference,
            currency, NEW, TransactionAmounts.zero(Objects.requireNonNull(currency, "currency")), List.of(),
            List.of(), at, at, 0));
    }

    /** Rebuilds a stored transaction; for repositories only. Fails on inconsistent stored data. */
    public static PaymentTransaction reconstitute(TransactionSnapshot stored) {
        return new PaymentTransaction(stored);
    }

    public TransactionSnapshot snapshot() {
        return new TransactionSnapshot(id, channelSlug, provider, merchantReference, currency, status, amounts,
            providerReferences, events, createdAt(), updatedAt(), version(), details);
    }

    /**
     * Takes what a provider told about the payment (card, products, contact) with an outcome it
     * reports: each part given replaces the one held, parts left out stay. Changes no state; saved
     * with the outcome's events.
     */
    public void describe(PaymentDetails told) {
        details = details.updatedBy(Objects.requireNonNull(told, "told"));
    }

    // ---- what happened: one method per (operation, result) -------------------------------

    public List<TransactionEvent> authorizationRequested(ProviderReport report) { return apply(AUTHORIZE, REQUEST, report); }
    public List<TransactionEvent> authorizationActionRequired(ProviderReport report) { return apply(AUTHORIZE, ACTION_REQUIRED, report); }
    public List<TransactionEvent> authorizationSucceeded(ProviderReport report) { return apply(AUTHORIZE, SUCCESS, report); }
    public List<TransactionEvent> authorizationFailed(ProviderReport report) { return apply(AUTHORIZE, FAILURE, report); }

    public List<TransactionEvent> chargeRequested(ProviderReport report) { return apply(CHARGE, REQUEST, report); }
    public List<TransactionEvent> chargeActionRequired(ProviderReport report) { return apply(CHARGE, ACTION_REQUIRED, report); }
    public List<TransactionEvent> chargeSucceeded(ProviderReport report) { return apply(CHARGE, SUCCESS, report); }
    public List<TransactionEvent> chargeFailed(ProviderReport report) { return apply(CHARGE, FAILURE, report); }

    public List<TransactionEvent> cancelRequested(ProviderReport report) { return apply(CANCEL, REQUEST, report); }
    public List<TransactionEvent> cancelSucceeded(ProviderReport report) { return apply(CANCEL, SUCCESS, report); }
    public List<TransactionEvent> cancelFailed(ProviderReport report) { return apply(CANCEL, FAILURE, report); }

    public List<TransactionEvent> refundRequested(ProviderReport report) { return apply(REFUND, REQUEST, report); }
    public List<TransactionEvent> refundSucceeded(ProviderReport report) { return apply(REFUND, SUCCESS, report); }
    public List<TransactionEvent> refundFailed(ProviderReport report) { return apply(REFUND, FAILURE, report); }
    public List<TransactionEvent> refundReversed(ProviderReport report) { return apply(REFUND_REVERSAL, SUCCESS, report); }

    /** A dispute was opened (Adyen NOTIFICATION_OF_CHARGEBACK); no money moved yet. */
    public List<TransactionEvent> chargebackNotified(ProviderReport report) { return apply(CHARGEBACK, REQUEST, report); }
    public List<TransactionEvent> chargedBack(ProviderReport report) { return apply(CHARGEBACK, SUCCESS, report); }
    /** The dispute ended in the merchant's favour before any chargeback was booked. */
    public List<TransactionEvent> chargebackDefended(ProviderReport report) { return apply(CHARGEBACK, FAILURE, report); }

    /**
     * Applies a reported (operation, result): for adapters that map provider codes to
     * operations with a table. Returns the event it caused, or nothing if the report's event
     * key was already applied with the same content.
     *
     * @throws IllegalTransition    if the status does not allow it ({@link TransitionTable})
     * @throws AmountLimitExceeded  if the amount breaks an amount rule
     * @throws CurrencyMismatch     if the amount is in another currency
     * @throws ConflictingEvent     if the event key was applied with other content
     */
    public List<TransactionEvent> apply(Operation operation, OperationResult result, ProviderReport report) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(report, "report");
        if (report.eventKey() != null && eventsByKey.containsKey(report.eventKey())) {
            TransactionEvent earlier = eventsByKey.get(report.eventKey());
            if (earlier.sameFactAs(operation, result, report)) {
                return List.of();
            }
            throw new ConflictingEvent("event key " + InvalidValue.echo(report.eventKey()) + " of transaction " + id
                + " was applied as " + earlier.operation() + " " + earlier.result() + " " + earlier.amount()
                + " and is now reported as " + operation + " " + result + " " + report.amount());
        }
        Money amount = report.amount();
        if (!amount.hasCurrency(currency)) {
            throw new CurrencyMismatch("transaction " + id + " is in " + currency.code() + " but " + operation + " "
                + result + " reports " + amount);
        }
        if (!amount.isPositive()) {
            throw new AmountLimitExceeded(operation + " " + result + " amount must be positive, got " + amount);
        }
        TransitionTable.Target target = TransitionTable.target(status, operation, result)
            .orElseThrow(() -> new IllegalTransition("transaction " + id, status.name(),
                "record " + operation + " " + result, describeAllowed(status)));

        boolean beforePayment = BEFORE_PAYMENT.contains(status);
        AmountRules rules = new AmountRules(id, amounts);
        TransactionAmounts after = beforePayment
            ? rules.afterPaymentAttempt(operation, result, amount)
            : rules.afterFollowUp(operation, result, amount);
        TransactionStatus next = target.resolve(after);

        amounts = after;
        status = next;
        updatedAt(report.at());
        if (beforePayment && report.providerReference() != null) {
            adoptPaymentReference(report.providerReference(), report.at());
        }
        if (report.newPaymentReference() != null) {
            adoptPaymentReference(report.newPaymentReference(), report.at());
        }
        TransactionEvent event = new TransactionEvent(events.size() + 1, id, operation, result, amount,
            report.providerReference(), report.at(), report.message(), report.eventKey(), next, report.reason());
        events.add(event);
        if (event.eventKey() != null) {
            eventsByKey.put(event.eventKey(), event);
        }
        return List.of(event);
    }

    /** Whether a provider fact with this event key was already applied. */
    public boolean applied(String eventKey) {
        return eventKey != null && eventsByKey.containsKey(eventKey);
    }

    /**
     * What the merchant may ask for now (Saleor's {@code availableActions}): CHARGE while an
     * authorization has something to capture, CANCEL while it has something to void, REFUND
     * while charged money is not all refunded or being refunded.
     */
    public Set<Operation> merchantActions() {
        Set<Operation> actions = EnumSet.noneOf(Operation.class);
        if (BEFORE_PAYMENT.contains(status)) {
            return actions;
        }
        if (TransitionTable.allows(status, CHARGE, REQUEST) && amounts.capturable().isPositive()) {
            actions.add(CHARGE);
        }
        if (TransitionTable.allows(status, CANCEL, REQUEST) && amounts.cancellable().isPositive()) {
            actions.add(CANCEL);
        }
        if (TransitionTable.allows(status, REFUND, REQUEST) && amounts.refundable().isPositive()) {
            actions.add(REFUND);
        }
        return actions;
    }

    private static String describeAllowed(TransactionStatus from) {
        Set<Operation> allowed = TransitionTable.allowedFrom(from);
        if (allowed.isEmpty()) {
            return "nothing, it is final";
        }
        return allowed.stream()
            .map(operation -> operation + " " + TransitionTable.resultsAllowed(from, operation))
            .collect(Collectors.joining(", "));
    }

    private void adoptPaymentReference(String reference, Instant at) {
        Optional<String> current = providerReference();
        if (current.isEmpty() || !current.get().equals(reference)) {
            providerReferences.add(new ProviderReference(reference, at));
        }
    }

    // ---- reading ------------------------------------------------------------------------------

    public TransactionId id() { return id; }
    public String channelSlug() { return channelSlug; }
    public ProviderId provider() { return provider; }
    /** The counterpart's reference for this payment: Saleor's transaction id, Annanow's referenceId… */
    public String merchantReference() { return merchantReference; }
    public Currency currency() { return currency; }
    public TransactionStatus status() { return status; }
    public TransactionAmounts amounts() { return amounts; }
    public Money authorized() { return amounts.authorized(); }
    public Money charged() { return amounts.charged(); }
    public Money refunded() { return amounts.refunded(); }
    public Money cancelled() { return amounts.cancelled(); }
    public Money chargedBack() { return amounts.chargedBack(); }

    /** The provider's current reference for this payment, once it gave one. */
    public Optional<String> providerReference() {
        return providerReferences.isEmpty()
            ? Optional.empty()
            : Optional.of(providerReferences.get(providerReferences.size() - 1).value());
    }

    /** Every reference the provider used for this payment, oldest first. */
    public List<ProviderReference> providerReferences() {
        return Collections.unmodifiableList(providerReferences);
    }

    /**
     * Why the transaction is where it is, when the provider said: the reason of its latest event,
     * if that event has one (a later outcome without a reason, such as a success, clears it).
     */
    public Optional<FailureReason> reason() {
        return events.isEmpty() ? Optional.empty() : Optional.ofNullable(events.get(events.size() - 1).reason());
    }

    /** What the provider told about the payment beyond its amounts; {@link PaymentDetails#NONE} when nothing. */
    public PaymentDetails details() {
        return details;
    }

    /** Every event, in order. */
    public List<TransactionEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** Whether some operation was requested (or waits for the customer) and its outcome has not arrived. */
    public boolean hasPendingRequest() {
        return amounts.chargePending().isPositive() || amounts.refundPending().isPositive()
            || amounts.cancelPending().isPositive() || amounts.authorizationPending().isPositive();
    }

    @Override
    public String toString() {
        return "PaymentTransaction[" + id + ", " + provider + ", channel=" + channelSlug + ", " + status
            + ", authorized=" + amounts.authorized() + ", charged=" + amounts.charged()
            + ", refunded=" + amounts.refunded() + "]";
    }

    // ---- validation ---------------------------------------------------------------------------

    private void requireConsistent() {
        if (amounts.currency() != currency) {
            throw new CurrencyMismatch("transaction " + id + " is in " + currency.code() + " but its amounts are in "
                + amounts.currency().code());
        }
        TransactionStatus lastStatus = NEW;
        for (int i = 0; i < events.size(); i++) {
            TransactionEvent event = events.get(i);
            if (event.sequence() != i + 1 || !event.transactionId().equals(id)
                || !event.amount().hasCurrency(currency)) {
                throw new IllegalArgumentException("stored event " + event.sequence() + " does not belong at position "
                    + (i + 1) + " of transaction " + id);
            }
            lastStatus = event.statusAfter();
        }
        if (lastStatus != status) {
            throw new IllegalArgumentException("stored status " + status + " of transaction " + id
                + " does not match its last event (" + lastStatus + ")");
        }
        if (version() < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }

    private static String requireSlug(String slug) {
        String value = requireText(slug, "channel slug");
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidValue("channel slug " + InvalidValue.echo(slug) + " must not contain blanks");
        }
        return value;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue(name + " must not be blank");
        }
        if (value.length() > MAX_TEXT_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValue(name + " " + InvalidValue.echo(value) + " must be at most " + MAX_TEXT_LENGTH
                + " printable characters");
        }
        return value;
    }
}
