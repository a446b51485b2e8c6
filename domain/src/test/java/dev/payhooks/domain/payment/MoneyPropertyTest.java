package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.InvalidValue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.*;

class MoneyPropertyTest {

    @Property
    void formatThenParseGivesTheSameAmountInEveryCurrency(@ForAll Currency currency, @ForAll long minorUnits) {
        Money money = Money.of(minorUnits, currency);
        assertEquals(money, Money.parseSigned(money.toMajorString(), currency));
        if (minorUnits >= 0) {
            assertEquals(money, Money.parse(money.toMajorString(), currency));
            assertEquals(money, Money.parseJsonNumber(money.toMajorString(), currency));
        }
    }

    @Property
    void theFormatHasExactlyTheCurrencysDecimals(@ForAll Currency currency, @ForAll long minorUnits) {
        String text = Money.of(minorUnits, currency).toMajorString();
        int dot = text.indexOf('.');
        assertEquals(currency.exponent(), dot < 0 ? 0 : text.length() - dot - 1, text);
    }

    @Property
    void saleorsNumberFormsAllParseToTheSameAmount(@ForAll Currency currency,
                                                   @ForAll @LongRange(min = 0) long minorUnits,
                                                   @ForAll @IntRange(min = 1, max = 4) int extraZeros) {
        Money money = Money.of(minorUnits, currency);
        String withZeros = money.toMajorString() + (currency.exponent() == 0 ? "." : "") + "0".repeat(extraZeros);
        assertEquals(money, Money.parseJsonNumber(withZeros, currency));
        // what Python's Decimal or a float printer may produce: 5E+2, 1.2345E+3
        String scientific = BigDecimal.valueOf(minorUnits, currency.exponent()).stripTrailingZeros().toString();
        assertEquals(money, Money.parseJsonNumber(scientific, currency), scientific);
    }

    @Property
    void parseRejectsMoreDecimalsThanTheCurrencyHas(@ForAll Currency currency,
                                                    @ForAll @LongRange(min = 0, max = 999_999_999_999L) long minorUnits,
                                                    @ForAll @IntRange(min = 1, max = 9) int digit) {
        String tooPrecise = Money.of(minorUnits, currency).toMajorString()
            + (currency.exponent() == 0 ? "." : "") + digit;
        assertThrows(InvalidValue.class, () -> Money.parse(tooPrecise, currency));
        assertThrows(InvalidValue.class, () -> Money.parseJsonNumber(tooPrecise, currency));
    }

    @Property
    void addingThenSubtractingGivesBackTheAmount(@ForAll Currency currency,
                                                 @ForAll @LongRange(min = Long.MIN_VALUE / 2, max = Long.MAX_VALUE / 2) long a,
                                                 @ForAll @LongRange(min = Long.MIN_VALUE / 2, max = Long.MAX_VALUE / 2) long b) {
        Money x = Money.of(a, currency);
        Money y = Money.of(b, currency);
        assertEquals(x, x.plus(y).minus(y));
        assertEquals(x.plus(y), y.plus(x));
        assertEquals(x.minus(y), y.minus(x).negate());
    }

    @Property
    void overflowIsAnErrorNeverAWrapAround(@ForAll long a, @ForAll long b) {
        Money x = Money.of(a, Currency.EUR);
        Money y = Money.of(b, Currency.EUR);
        boolean overflows = BigDecimal.valueOf(a).add(BigDecimal.valueOf(b))
            .compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
            || BigDecimal.valueOf(a).add(BigDecimal.valueOf(b)).compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0;
        if (overflows) {
            assertThrows(AmountOverflow.class, () -> x.plus(y));
        } else {
            assertEquals(a + b, x.plus(y).minorUnits());
        }
    }

    @Property
    void orderingAgreesWithMinorUnitsAndEquality(@ForAll Currency currency, @ForAll long a, @ForAll long b) {
        Money x = Money.of(a, currency);
        Money y = Money.of(b, currency);
        assertEquals(Integer.signum(Long.compare(a, b)), Integer.signum(x.compareTo(y)));
        assertEquals(-Integer.signum(x.compareTo(y)), Integer.signum(y.compareTo(x)));
        assertEquals(x.compareTo(y) == 0, x.equals(y));
        assertEquals(x.isGreaterThan(y), y.isLessThan(x));
        assertEquals(x.min(y).compareTo(x.max(y)) <= 0, true);
    }

    @Property
    void providerMinorUnitsRoundTripWhereExpressible(@ForAll Currency currency, @ForAll ProviderId provider,
                                                     @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long minorUnits) {
        Money money = Money.of(minorUnits, currency);
        int lostDecimals = currency.exponent() - currency.exponentAt(provider);
        boolean expressible = lostDecimals <= 0 || minorUnits % BigDecimal.TEN.pow(lostDecimals).longValueExact() == 0;
        if (expressible) {
            assertEquals(money, Money.ofProviderMinorUnits(money.minorUnitsAt(provider), currency, provider));
        } else {
            assertThrows(InvalidValue.class, () -> money.minorUnitsAt(provider));
        }
    }
}
