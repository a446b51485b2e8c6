package dev.payhooks.domain.provider.npatobarai;

import java.util.Optional;

/**
 * The step of an NP Atobarai refund that failed. A failed refund's message starts with
 * {@code "Refund failed at <step>: "}, so staff read it and a retry of the same refund knows
 * where to go on: after a failed re-registration the old NP transaction is already cancelled
 * (register and ship only); after a failed shipment report the new transaction exists (ship only).
 */
public enum RefundStep {
    CANCEL("cancel"),
    UPDATE("update"),
    RE_REGISTER("re-register"),
    SHIPMENT("shipment"),
    MISSING_DATA("missing data");

    private static final String PREFIX = "Refund failed at ";

    private final String label;

    RefundStep(String label) {
        this.label = label;
    }

    public String failure(String detail) {
        return PREFIX + label + ": " + detail;
    }

    /** The step a failure message of {@link #failure} names. */
    public static Optional<RefundStep> ofFailure(String message) {
        if (message == null || !message.startsWith(PREFIX)) {
            return Optional.empty();
        }
        for (RefundStep step : values()) {
            if (message.startsWith(PREFIX + step.label + ":")) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    /** Whether a retry must skip what the failed attempt already did at NP. */
    public boolean leftNpChanged() {
        return this == RE_REGISTER || this == SHIPMENT;
    }
}
