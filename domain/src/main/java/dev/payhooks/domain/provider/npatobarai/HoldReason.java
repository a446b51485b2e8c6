package dev.payhooks.domain.provider.npatobarai;

import java.util.Optional;

/**
 * Why NP Atobarai put a credit check on hold ({@code authori_hold}): the codes the storefront
 * must be able to show and let the customer fix, with a readable message each.
 */
public enum HoldReason {
    RE009("Address information is missing. Please enter the full address."),
    RE014("The address needs to be confirmed. Please check the billing address."),
    RE015("The delivery destination is incomplete. Please add building name, room number or other missing details."),
    RE020("The delivery address needs to be confirmed. Please check the shipping address."),
    RE021("The phone number is wrong. Please check the billing phone number."),
    RE023("The phone number of the delivery destination is wrong. Please check the shipping phone number."),
    RE026("The merchant needs to review this order. Please contact the shop.");

    private final String message;

    HoldReason(String message) {
        this.message = message;
    }

    public String code() {
        return name();
    }

    public String message() {
        return message;
    }

    public static Optional<HoldReason> ofCode(String code) {
        for (HoldReason reason : values()) {
            if (reason.name().equals(code)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    /** The readable message of any hold code NP sends, also of ones this list does not know. */
    public static String describe(String code) {
        return ofCode(code).map(HoldReason::message)
            .orElse("The credit check is on hold (" + code + "). Please check the order data or contact the shop.");
    }
}
