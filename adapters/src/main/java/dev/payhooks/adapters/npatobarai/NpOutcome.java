package dev.payhooks.adapters.npatobarai;

import dev.payhooks.domain.provider.npatobarai.CreditCheck;

import java.util.List;

/** What one NP Atobarai call came to. */
public sealed interface NpOutcome {

    /**
     * NP accepted the call.
     *
     * @param creditCheck the credit check of a register / update call; null for cancel and shipments
     */
    record Accepted(String npTransactionId, CreditCheck creditCheck) implements NpOutcome { }

    /** NP answered with errors (HTTP 4xx {@code {"errors": [{"codes": [...]}]}}) or an unusable answer. */
    record Refused(int httpStatus, List<String> codes, String description) implements NpOutcome {
        public Refused {
            codes = List.copyOf(codes);
        }

        public String message() {
            return codes.isEmpty() ? description : description + ": " + String.join(", ", codes);
        }
    }

    /** NP did not answer in time or could not be reached. */
    record Unavailable(boolean timedOut, String description) implements NpOutcome { }
}
