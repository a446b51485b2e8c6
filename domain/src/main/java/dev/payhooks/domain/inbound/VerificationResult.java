package dev.payhooks.domain.inbound;

import java.util.Optional;

/**
 * Whether a notification proved it came from the provider (signature, Basic auth, re-fetch),
 * checked against the raw bytes before anything is decoded.
 */
public record VerificationResult(Outcome outcome, String failureReason) {

    public static final int MAX_REASON_LENGTH = 500;

    public enum Outcome {
        VERIFIED,
        FAILED,
        /** The channel asks for no proof (e.g. Annanow without a URL token); never applied silently. */
        NOT_REQUIRED
    }

    public VerificationResult {
        if (outcome == null) {
            throw new IllegalArgumentException("verification outcome must be given");
        }
        if (outcome == Outcome.FAILED) {
            failureReason = Reasons.shortened(failureReason, "verification failure reason", MAX_REASON_LENGTH);
        } else if (failureReason != null) {
            throw new IllegalArgumentException("only a failed verification has a reason (outcome was " + outcome + ")");
        }
    }

    public static VerificationResult verified() {
        return new VerificationResult(Outcome.VERIFIED, null);
    }

    public static VerificationResult notRequired() {
        return new VerificationResult(Outcome.NOT_REQUIRED, null);
    }

    /** A failed check; the reason is for staff (e.g. "HMAC mismatch") and never holds secret material. */
    public static VerificationResult failed(String reason) {
        return new VerificationResult(Outcome.FAILED, reason);
    }

    public boolean isFailed() {
        return outcome == Outcome.FAILED;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(failureReason);
    }
}
