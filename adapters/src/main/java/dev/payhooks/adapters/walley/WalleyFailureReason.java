package dev.payhooks.adapters.walley;

import dev.payhooks.domain.error.InvalidField;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The authorization failures Walley's test environment can simulate for a customer token. The
 * earlier integration names them {@code Expired, Refused, ServiceUnavailable, NoFunds, Declined}; Walley's
 * current docs use the webhook reason codes. Both spellings are accepted; which one is sent is
 * the channel's choice.
 */
public enum WalleyFailureReason {
    EXPIRED("Expired", "PAYMENT_METHOD_EXPIRED"),
    REFUSED("Refused", "PAYMENT_METHOD_REFUSED"),
    SERVICE_UNAVAILABLE("ServiceUnavailable", "SERVICE_UNAVAILABLE"),
    NO_FUNDS("NoFunds", "PAYMENT_METHOD_NO_FUNDS"),
    DECLINED("Declined", "PAYMENT_METHOD_DECLINED");

    private final String seedName;
    private final String webhookCode;

    WalleyFailureReason(String seedName, String webhookCode) {
        this.seedName = seedName;
        this.webhookCode = webhookCode;
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

    /** A reason in either spelling, whatever its case. */
    public static WalleyFailureReason of(String text) {
        String wanted = text == null ? "" : text.strip();
        for (WalleyFailureReason reason : values()) {
            if (reason.seedName.equalsIgnoreCase(wanted) || reason.webhookCode.equalsIgnoreCase(wanted)) {
                return reason;
            }
        }
        throw new InvalidField("reason", "must be one of " + Arrays.stream(values())
            .map(r -> r.seedName + " (" + r.webhookCode + ")").collect(Collectors.joining(", ")) + ", or null to clear");
    }

    public String spelled(boolean webhookSpelling) {
        return webhookSpelling ? webhookCode : seedName;
    }

    @Override
    public String toString() {
        return seedName.toLowerCase(Locale.ROOT);
    }
}
