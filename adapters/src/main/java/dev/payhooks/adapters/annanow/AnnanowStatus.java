package dev.payhooks.adapters.annanow;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Annanow's transaction statuses, old spellings mapped to the current ones. */
public enum AnnanowStatus {
    WAITING("waiting"), CONFIRMED("confirmed"), CANCELLED("cancelled"), DECLINED("declined"),
    AUTHORIZED("authorized"), RESERVED("reserved"), REFUNDED("refunded"), PARTIALLY_REFUNDED("partially-refunded"),
    REFUND_PENDING("refund_pending"), CHARGEBACK("chargeback"), ERROR("error"), UNCAPTURED("uncaptured");

    private static final Map<String, AnnanowStatus> OLD_NAMES = Map.of(
        "chargeback dispute", CHARGEBACK,
        "technical error", ERROR,
        "partially refunded", PARTIALLY_REFUNDED,
        "partially_refunded", PARTIALLY_REFUNDED,
        "refund-pending", REFUND_PENDING);

    private final String wireName;

    AnnanowStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The status a name stands for, current or old, whatever its case; empty when unknown. */
    public static Optional<AnnanowStatus> of(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (AnnanowStatus status : values()) {
            if (status.wireName.equals(wanted)) {
                return Optional.of(status);
            }
        }
        return Optional.ofNullable(OLD_NAMES.get(wanted));
    }
}
