package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class CurrencyTest {

    @ParameterizedTest
    @CsvSource({"EUR,EUR", "eur,EUR", " JPY ,JPY", "Kwd,KWD"})
    void findsCurrenciesByCode(String code, Currency expected) {
        assertEquals(expected, Currency.of(code));
    }

    @Test
    void unknownCodesFailClearly() {
        InvalidValue unknown = assertThrows(InvalidValue.class, () -> Currency.of("XYZ"));
        assertEquals("unknown currency code 'XYZ'; the hub supports the circulating ISO 4217 currencies",
            unknown.getMessage());
        assertEquals("invalid_value", unknown.code());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "EU", "EURO", "E1R", "€", "XAU", "HRK", "ＥＵＲ"})
    void rejectsWhatIsNotASupportedCode(String code) {
        assertThrows(InvalidValue.class, () -> Currency.of(code));
    }

    /** Adyen's and Annanow's minor units. */
    @ParameterizedTest
    @CsvSource({
        "JPY,0,0", "KRW,0,0", "CVE,2,0", "IDR,2,0",
        "BHD,3,3", "IQD,3,3", "JOD,3,3", "KWD,3,3", "LYD,3,3", "OMR,3,3", "TND,3,3",
        "CLP,0,2", "ISK,0,2",
        "EUR,2,2", "USD,2,2", "SEK,2,2", "CHF,2,2", "GBP,2,2", "HUF,2,2"})
    void exponentsFollowIsoWithAdyensExceptions(Currency currency, int iso, int adyen) {
        assertEquals(iso, currency.exponent());
        assertEquals(adyen, currency.exponentAt(ProviderId.ADYEN));
        assertEquals(iso, currency.exponentAt(ProviderId.ANNANOW));
        assertEquals(iso, currency.exponentAt(ProviderId.NP_ATOBARAI));
        assertEquals(iso, currency.exponentAt(ProviderId.WALLEY));
    }

    @Test
    void onlyTheDocumentedCurrenciesDifferAtAdyen() {
        Set<Currency> different = java.util.EnumSet.noneOf(Currency.class);
        for (Currency currency : Currency.values()) {
            if (currency.exponentAt(ProviderId.ADYEN) != currency.exponent()) {
                different.add(currency);
            }
        }
        assertEquals(Set.of(Currency.CVE, Currency.IDR, Currency.CLP, Currency.ISK), different);
    }

    /** A second source for the ISO table; codes an older JDK does not know yet are skipped. */
    @ParameterizedTest
    @EnumSource(Currency.class)
    void isoExponentsAgreeWithTheJdk(Currency currency) {
        java.util.Currency jdk;
        try {
            jdk = java.util.Currency.getInstance(currency.code());
        } catch (IllegalArgumentException unknownToThisJdk) {
            return;
        }
        assertEquals(jdk.getDefaultFractionDigits(), currency.exponent(), currency.code());
    }

    @ParameterizedTest
    @CsvSource({"np-atobarai,NP_ATOBARAI", "adyen,ADYEN", "WALLEY,WALLEY", " annanow ,ANNANOW"})
    void providersHaveStableSlugs(String slug, ProviderId expected) {
        assertEquals(expected, ProviderId.fromSlug(slug));
        assertEquals(expected.slug(), expected.toString());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"stripe", "np_atobarai", "ad\nyen"})
    void unknownProvidersFailClearly(String slug) {
        InvalidValue unknown = assertThrows(InvalidValue.class, () -> ProviderId.fromSlug(slug));
        assertTrue(unknown.getMessage().contains("np-atobarai, adyen, walley, annanow"), unknown.getMessage());
        assertFalse(unknown.getMessage().contains("\n"));
    }
}
