package dev.payhooks.domain.provider.npatobarai;

import dev.payhooks.domain.provider.npatobarai.GatewayCheck.Buyer;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GatewayCheckTest {

    private static String code(Buyer buyer) {
        return GatewayCheck.firstProblem(buyer).map(GatewayCheck.Problem::code).orElse("none");
    }

    @Test
    void checksInTheSeedOrder() {
        assertEquals("UnsupportedCurrencyError", code(new Buyer("USD", "US", false, null, null)));
        assertEquals("UnsupportedCountryError", code(new Buyer("JPY", "US", false, null, null)));
        assertEquals("UnsupportedCountryError", code(new Buyer("JPY", null, true, "+81", "a@b.jp")));
        assertEquals("MissingBillingAddressError", code(new Buyer("JPY", "JP", false, null, null)));
        assertEquals("MissingBillingPhoneNumberError", code(new Buyer("JPY", "JP", true, "", null)));
        assertEquals("MissingEmailError", code(new Buyer("JPY", "JP", true, "0312345678", " ")));
        assertEquals("WrongPhoneNumberFormatError", code(new Buyer("JPY", "JP", true, "0312345678", "a@b.jp")));
        assertEquals(Optional.empty(), GatewayCheck.firstProblem(new Buyer("JPY", "JP", true, "+81312345678", "a@b.jp")));
    }
}
