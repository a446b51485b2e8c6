package dev.payhooks.adapters.walley;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.payment.FailureReason;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The authorization failures Walley's test environment can simulate for a customer token, which
 * are also the reasons of its {@code walley:authorization:retrying|failed} webhooks (besides
 * {@code CANCELLED_BY_CUSTOMER}, which only a cancelled token causes). They have two spellings:
 * {@code Expired, Refused, ServiceUnavailable, NoFunds, Declined} and the webhook reason codes.
 * Both are accepted wherever a reason is read; which one the simulation call sends is the channel's
 * choice. Each has the description the hub shows and publishes with the code (docs/EVENTS.md).
 */
public enum WalleyFailureReason {
    EXPIRED("Expired", "PAYMENT_METHOD_EXPIRED", "The payment method has expired"),
    REFUSED("Refused", "PAYMENT_METHOD_REFUSED", "The payment method was refused"),
    SERVICE_UNAVAILABLE("ServiceUnavailable", "SERVICE_UNAVAILABLE",
        "The payment service was unavailable; Walley tries again"),
    NO_FUNDS("NoFunds", "PAYMENT_METHOD_NO_FUNDS", "The payment method has insufficient funds"),
    DECLINED("Declined", "PAYMENT_METHOD_DECLINED", "The payment method declined the payment");

    private final String seedName;
    private final String webhookCode;
    private final String description;

    WalleyFailureReason(String seedName, String webhookCode, String description) {
        this.seedName = seedName;
        this.webhookCode = webhookCode;
        this.description = description;
    }

    /** The reason as data: its webhook code and its description. */
    public FailureReason asReason() {
        return new FailureReason(webhookCode, description);
    }

    public String seedName() {
        return seedName;
    }

    /** The reason in Walley's webhooks ({@code walley:authorization:retrying|failed}). */
    public String webhookCode() {
        return webhookCode;
    }

    /** Walley retries after these; the others end the authorization. */
    public boolean retried() {
        return WalleyNotifications.RETRYING_REASONS.contains(webhookCode);
    }

    /** A reason in either spelling, whatever its case; empty for any other text. */
    public static Optional<WalleyFailureReason> find(String text) {
        String wanted = text == null ? "" : text.strip();
        for (WalleyFailureReason reason : values()) {
            if (reason.seedName.equalsIgnoreCase(wanted) || reason.webhookCode.equalsIgnoreCase(wanted)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    /** A reason in either spelling, whatever its case; anything else is an invalid {@code reason} field. */
    public static WalleyFailureReason of(String text) {
        return find(text).orElseThrow(() -> new InvalidField("reason", "must be one of " + Arrays.stream(values())
            .map(r -> r.seedName + " (" + r.webhookCode + ")").collect(Collectors.joining(", ")) + ", or null to clear"));
    }

    public String spelled(boolean webhookSpelling) {
        return webhookSpelling ? webhookCode : seedName;
    }

    @Override
    public String toString() {
        return seedName.toLowerCase(Locale.ROOT);
    }
}
