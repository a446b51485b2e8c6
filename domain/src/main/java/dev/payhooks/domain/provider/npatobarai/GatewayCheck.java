package dev.payhooks.domain.provider.npatobarai;

import java.util.Optional;

/**
 * Whether NP Atobarai can take a checkout or order at all, checked in a fixed
 * order: the first failed check is the answer.
 */
public final class GatewayCheck {

    /** The facts the checks look at; null means absent. */
    public record Buyer(String currency, String shippingCountry, boolean hasBillingAddress, String billingPhone,
                        String email) { }

    public record Problem(String code, String message) { }

    private GatewayCheck() {
    }

    public static Optional<Problem> firstProblem(Buyer buyer) {
        if (!"JPY".equals(buyer.currency())) {
            return problem("UnsupportedCurrencyError", "Currency " + shown(buyer.currency())
                + " is not supported by NP Atobarai; only JPY is");
        }
        if (!"JP".equals(buyer.shippingCountry())) {
            return problem("UnsupportedCountryError", "Shipping country " + shown(buyer.shippingCountry())
                + " is not supported by NP Atobarai; only JP is");
        }
        if (!buyer.hasBillingAddress()) {
            return problem("MissingBillingAddressError", "Billing address is required");
        }
        if (blank(buyer.billingPhone())) {
            return problem("MissingBillingPhoneNumberError", "Billing phone number is required");
        }
        if (blank(buyer.email())) {
            return problem("MissingEmailError", "Email is required");
        }
        if (!buyer.billingPhone().startsWith("+81")) {
            return problem("WrongPhoneNumberFormatError", "Billing phone number must start with +81");
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(String code, String message) {
        return Optional.of(new Problem(code, message));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String shown(String value) {
        return value == null || value.isBlank() ? "(none)" : value;
    }
}
