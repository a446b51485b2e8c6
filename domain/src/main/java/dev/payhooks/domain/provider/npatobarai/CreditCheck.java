package dev.payhooks.domain.provider.npatobarai;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of NP Atobarai's credit check ({@code authori_result}) and what it means for the
 * payment: {@code 00} approved (the order is charged), {@code 10} on hold until the customer
 * fixes the data, anything else ({@code 20} rejected, {@code 40} cancelled…) refused.
 */
public record CreditCheck(Verdict verdict, String resultCode, List<String> holdCodes, String refusalCode) {

    public enum Verdict { APPROVED, ON_HOLD, REFUSED }

    public CreditCheck {
        Objects.requireNonNull(verdict, "verdict");
        holdCodes = holdCodes == null ? List.of() : List.copyOf(holdCodes);
    }

    public static CreditCheck of(String authoriResult, List<String> holdCodes, String refusalCode) {
        Verdict verdict = switch (authoriResult == null ? "" : authoriResult) {
            case "00" -> Verdict.APPROVED;
            case "10" -> Verdict.ON_HOLD;
            default -> Verdict.REFUSED;
        };
        return new CreditCheck(verdict, authoriResult, holdCodes, refusalCode);
    }

    /** A readable explanation for the storefront and the transaction's event. */
    public String message() {
        return switch (verdict) {
            case APPROVED -> "Credit check approved";
            case ON_HOLD -> holdCodes.isEmpty() ? "Credit check on hold"
                : "Credit check on hold: " + String.join("; ", holdCodes.stream()
                    .map(code -> code + " " + HoldReason.describe(code)).toList());
            case REFUSED -> "Credit check " + ("20".equals(resultCode) ? "rejected"
                : "40".equals(resultCode) ? "cancelled" : "refused") + " (authori_result "
                + resultCode + (refusalCode == null ? "" : ", " + refusalCode) + ")";
        };
    }
}
