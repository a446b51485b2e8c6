package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.InvalidValue;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An amount of money as a whole number of ISO 4217 minor units of one currency: EUR 5.00
 * is {@code Money(500, EUR)}, JPY 500 is {@code Money(500, JPY)}. Immutable; arithmetic
 * never rounds, never mixes currencies and fails instead of overflowing.
 *
 * <p>Major-unit text ("5.00") is read with {@link #parse} (strict: what the hub's own API
 * and Walley send) or {@link #parseJsonNumber} (Saleor's JSON numbers, which may carry
 * trailing zeros or an exponent) and written with {@link #toMajorString()}. Amounts in a
 * provider's own minor units go through {@link #ofProviderMinorUnits} and
 * {@link #minorUnitsAt}.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

    // generous for any real amount, small enough that parsing cannot be made expensive
    private static final int MAX_TEXT_LENGTH = 40;
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern JSON_NUMBER =
        Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]{1,3})?");

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minorUnits, Currency currency) {
        return new Money(minorUnits, currency);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Reads a non-negative major-unit decimal: {@code "5"}, {@code "5.5"}, {@code "5.50"} for
     * EUR; {@code "500"} for JPY. Rejects signs, exponents, blanks inside, and more decimals
     * than the currency has ("5.505" EUR, "500.0" JPY): the hub never rounds money.
     */
    public static Money parse(String majorUnits, Currency currency) {
        Money money = parseSigned(majorUnits, currency);
        if (money.isNegative()) {
            throw new InvalidValue("amount must not be negative: " + InvalidValue.echo(majorUnits));
        }
        return money;
    }

    /** As {@link #parse}, but a leading '-' is allowed (adjustments, discount lines). */
    public static Money parseSigned(String majorUnits, Currency currency) {
        Objects.requireNonNull(currency, "currency");
        String text = trimmed(majorUnits, currency);
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            throw new InvalidValue("amount " + InvalidValue.echo(majorUnits)
                + " is not a decimal number like \"" + example(currency) + "\"");
        }
        int dot = text.indexOf('.');
        int decimals = dot < 0 ? 0 : text.length() - dot - 1;
        if (decimals > currency.exponent()) {
            throw tooPrecise(majorUnits, currency);
        }
        return fromDecimal(new BigDecimal(text), majorUnits, currency);
    }

    /**
     * Reads a non-negative JSON number in major units as Saleor sends them ({@code 5},
     * {@code 5.5}, {@code 3000.0} for JPY, {@code 1.5E+3}); given as the number's source
     * text so no floating point ever touches it. Trailing zeros beyond the currency's
     * decimals are accepted (they change nothing); non-zero digits beyond them are rejected.
     */
    public static Money parseJsonNumber(String number, Currency currency) {
        Objects.requireNonNull(currency, "currency");
        String text = trimmed(number, currency);
        if (!JSON_NUMBER.matcher(text).matches()) {
            throw new InvalidValue("amount " + InvalidValue.echo(number) + " is not a JSON number");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.signum() < 0) {
            throw new InvalidValue("amount must not be negative: " + InvalidValue.echo(number));
        }
        if (value.stripTrailingZeros().scale() > currency.exponent()) {
            throw tooPrecise(number, currency);
        }
        return fromDecimal(value, number, currency);
    }

    /**
     * An amount a provider gave in its own minor units (see {@link Currency#exponentAt}).
     * Fails if it is not a whole number of ISO minor units, e.g. CLP 10.50 from Adyen.
     */
    public static Money ofProviderMinorUnits(long providerMinorUnits, Currency currency, ProviderId provider) {
        int shift = currency.exponent() - currency.exponentAt(provider);
        BigDecimal iso = BigDecimal.valueOf(providerMinorUnits).movePointRight(shift);
        try {
            return new Money(iso.longValueExact(), currency);
        } catch (ArithmeticException notWhole) {
            throw new InvalidValue(provider.slug() + " amount " + providerMinorUnits + " " + currency.code()
                + " (in units of 10^-" + currency.exponentAt(provider) + ") is not a whole number of "
                + currency.code() + " minor units");
        }
    }

    /**
     * This amount in the provider's own minor units. Fails if the provider cannot express
     * it, e.g. IDR 10.50 at Adyen, which counts IDR without decimals.
     */
    public long minorUnitsAt(ProviderId provider) {
        int shift = currency.exponentAt(provider) - currency.exponent();
        try {
            return BigDecimal.valueOf(minorUnits).movePointRight(shift).longValueExact();
        } catch (ArithmeticException notWhole) {
            throw new InvalidValue(this + " cannot be expressed at " + provider.slug() + ", which counts "
                + currency.code() + " with " + currency.exponentAt(provider) + " decimals");
        }
    }

    /** Major units as plain decimal text with exactly the currency's decimals: "5.00", "500", "-1.250". */
    public String toMajorString() {
        return BigDecimal.valueOf(minorUnits, currency.exponent()).toPlainString();
    }

    public Money plus(Money other) {
        requireSameCurrency(other, "add");
        return exactly(() -> Math.addExact(minorUnits, other.minorUnits), () -> this + " + " + other);
    }

    public Money minus(Money other) {
        requireSameCurrency(other, "subtract");
        return exactly(() -> Math.subtractExact(minorUnits, other.minorUnits), () -> this + " - " + other);
    }

    public Money negate() {
        return exactly(() -> Math.negateExact(minorUnits), () -> "-(" + this + ")");
    }

    // the arithmetic of plus, minus and negate: a result beyond long is an AmountOverflow naming the expression
    private Money exactly(LongSupplier arithmetic, Supplier<String> expression) {
        try {
            return new Money(arithmetic.getAsLong(), currency);
        } catch (ArithmeticException overflow) {
            throw new AmountOverflow(expression.get() + " is beyond the supported range of amounts");
        }
    }

    /** Orders amounts of one currency; comparing different currencies is a {@link CurrencyMismatch}. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other, "compare");
        return Long.compare(minorUnits, other.minorUnits);
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    public boolean hasCurrency(Currency expected) {
        return currency == expected;
    }

    /** {@code "EUR 5.00"}: for people and logs, not for counterparts (use {@link #toMajorString()}). */
    @Override
    public String toString() {
        return currency.code() + " " + toMajorString();
    }

    private void requireSameCurrency(Money other, String what) {
        Objects.requireNonNull(other, "other");
        if (other.currency != currency) {
            throw new CurrencyMismatch("cannot " + what + " " + this + " and " + other + ": currencies differ");
        }
    }

    private static String trimmed(String text, Currency currency) {
        if (text == null || text.isBlank()) {
            throw new InvalidValue("amount is missing; expected a decimal number like \"" + example(currency) + "\"");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidValue("amount " + InvalidValue.echo(text) + " is too long");
        }
        return text.strip();
    }

    private static Money fromDecimal(BigDecimal majorUnits, String original, Currency currency) {
        try {
            return new Money(majorUnits.movePointRight(currency.exponent()).longValueExact(), currency);
        } catch (ArithmeticException outOfRange) {
            throw new InvalidValue("amount " + InvalidValue.echo(original) + " is out of range");
        }
    }

    private static InvalidValue tooPrecise(String text, Currency currency) {
        String allowed = currency.exponent() == 0 ? "no decimals" : "at most " + currency.exponent() + " decimals";
        return new InvalidValue("amount " + InvalidValue.echo(text) + " has too many decimals: "
            + currency.code() + " allows " + allowed);
    }

    private static String example(Currency currency) {
        return BigDecimal.valueOf(500, currency.exponent()).toPlainString();
    }
}
