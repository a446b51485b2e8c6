package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.payhooks.domain.payment.Currency.*;
import static org.junit.jupiter.api.Assertions.*;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
        "5.00,EUR,500", "5,EUR,500", "5.5,EUR,550", "0.05,EUR,5", "0,EUR,0", "007.10,EUR,710",
        "500,JPY,500", "1.234,KWD,1234", "1.2,KWD,1200", "92233720368547758.07,EUR,9223372036854775807"})
    void parsesMajorUnits(String text, Currency currency, long minorUnits) {
        assertEquals(Money.of(minorUnits, currency), Money.parse(text, currency));
    }

    @ParameterizedTest
    @CsvSource({"500,EUR,5.00", "5,EUR,0.05", "-150,EUR,-1.50", "500,JPY,500", "1234,KWD,1.234", "0,EUR,0.00",
        "-9223372036854775808,EUR,-92233720368547758.08"})
    void formatsMajorUnitsWithTheCurrencysDecimals(long minorUnits, Currency currency, String expected) {
        assertEquals(expected, Money.of(minorUnits, currency).toMajorString());
    }

    @Test
    void rejectsMoreDecimalsThanTheCurrencyHas() {
        InvalidValue eur = assertThrows(InvalidValue.class, () -> Money.parse("5.505", EUR));
        assertEquals("amount '5.505' has too many decimals: EUR allows at most 2 decimals", eur.getMessage());
        InvalidValue jpy = assertThrows(InvalidValue.class, () -> Money.parse("500.0", JPY));
        assertEquals("amount '500.0' has too many decimals: JPY allows no decimals", jpy.getMessage());
    }

    @Test
    void rejectsNegativeAmountsUnlessSigned() {
        InvalidValue negative = assertThrows(InvalidValue.class, () -> Money.parse("-5.00", EUR));
        assertTrue(negative.getMessage().contains("negative"));
        assertEquals(Money.of(-500, EUR), Money.parseSigned("-5.00", EUR));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "abc", "5,00", "1e3", "+5", ".5", "5.", "0x10", "５", "5 00", "--5", "5.0.0",
        "NaN", "Infinity", "1234567890123456789012345678901234567890123", "99999999999999999999"})
    void rejectsGarbage(String text) {
        assertThrows(InvalidValue.class, () -> Money.parse(text, EUR));
    }

    @Test
    void garbageIsNamedInTheMessage() {
        InvalidValue garbage = assertThrows(InvalidValue.class, () -> Money.parse("5,00", EUR));
        assertEquals("amount '5,00' is not a decimal number like \"5.00\"", garbage.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"5,EUR,500", "5.5,EUR,550", "5.50,EUR,550", "3000.0,JPY,3000", "3000,JPY,3000",
        "1.5E+3,EUR,150000", "1.5e3,EUR,150000", "15E-1,EUR,150", "0.10000,EUR,10", "0,JPY,0"})
    void parsesSaleorsJsonNumbers(String number, Currency currency, long minorUnits) {
        assertEquals(Money.of(minorUnits, currency), Money.parseJsonNumber(number, currency));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.501", "1e-3", "01", "-1", "1.", ".5", "\"5\"", "1e999", "1e-999", "1e1000", "true"})
    void rejectsJsonNumbersThatAreNotAmounts(String number) {
        assertThrows(InvalidValue.class, () -> Money.parseJsonNumber(number, EUR));
    }

    @Test
    void neverMixesCurrencies() {
        Money eur = Money.of(500, EUR);
        Money usd = Money.of(500, USD);
        CurrencyMismatch mismatch = assertThrows(CurrencyMismatch.class, () -> eur.plus(usd));
        assertEquals("cannot add EUR 5.00 and USD 5.00: currencies differ", mismatch.getMessage());
        assertEquals("currency_mismatch", mismatch.code());
        assertThrows(CurrencyMismatch.class, () -> eur.minus(usd));
        assertThrows(CurrencyMismatch.class, () -> eur.compareTo(usd));
        assertThrows(CurrencyMismatch.class, () -> eur.isGreaterThan(usd));
        assertNotEquals(eur, usd);
    }

    @Test
    void failsInsteadOfOverflowing() {
        Money max = Money.of(Long.MAX_VALUE, EUR);
        Money min = Money.of(Long.MIN_VALUE, EUR);
        AmountOverflow overflow = assertThrows(AmountOverflow.class, () -> max.plus(Money.of(1, EUR)));
        assertTrue(overflow.getMessage().contains("EUR 92233720368547758.07"), overflow.getMessage());
        assertThrows(AmountOverflow.class, () -> min.minus(Money.of(1, EUR)));
        assertThrows(AmountOverflow.class, min::negate);
        assertEquals(Money.of(-Long.MAX_VALUE, EUR), max.negate());
    }

    @Test
    void comparesAndTellsSigns() {
        Money five = Money.of(500, EUR);
        Money six = Money.of(600, EUR);
        assertTrue(six.isGreaterThan(five));
        assertTrue(five.isLessThan(six));
        assertEquals(five, five.min(six));
        assertEquals(six, five.max(six));
        assertTrue(Money.zero(EUR).isZero());
        assertTrue(five.isPositive());
        assertTrue(five.negate().isNegative());
        assertEquals(Money.of(100, EUR), six.minus(five));
    }

    @Test
    void convertsToAndFromAdyensMinorUnits() {
        // IDR: ISO 2 decimals, Adyen none
        assertEquals(10_000, Money.of(1_000_000, IDR).minorUnitsAt(ProviderId.ADYEN));
        assertEquals(Money.of(1_000_000, IDR), Money.ofProviderMinorUnits(10_000, IDR, ProviderId.ADYEN));
        InvalidValue fraction = assertThrows(InvalidValue.class,
            () -> Money.of(1_000_050, IDR).minorUnitsAt(ProviderId.ADYEN));
        assertTrue(fraction.getMessage().contains("IDR 10000.50"), fraction.getMessage());
        // CLP: ISO no decimals, Adyen 2
        assertEquals(100_000, Money.of(1_000, CLP).minorUnitsAt(ProviderId.ADYEN));
        assertEquals(Money.of(1_000, CLP), Money.ofProviderMinorUnits(100_000, CLP, ProviderId.ADYEN));
        assertThrows(InvalidValue.class, () -> Money.ofProviderMinorUnits(100_050, CLP, ProviderId.ADYEN));
        assertThrows(InvalidValue.class, () -> Money.of(Long.MAX_VALUE, CLP).minorUnitsAt(ProviderId.ADYEN));
        // everything else passes through
        assertEquals(1_000, Money.of(1_000, EUR).minorUnitsAt(ProviderId.ADYEN));
        assertEquals(Money.of(3_000, JPY), Money.ofProviderMinorUnits(3_000, JPY, ProviderId.NP_ATOBARAI));
        assertEquals(Money.of(200, EUR), Money.ofProviderMinorUnits(200, EUR, ProviderId.ANNANOW));
    }

    @Test
    void printsCurrencyAndMajorUnits() {
        assertEquals("EUR 5.00", Money.of(500, EUR).toString());
        assertEquals("JPY 500", Money.of(500, JPY).toString());
    }
}
