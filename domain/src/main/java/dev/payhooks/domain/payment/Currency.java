package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.InvalidValue;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The circulating ISO 4217 currencies, each with its ISO exponent (the number of decimal
 * places of its minor unit). This is the hub's one currency table; every provider adapter
 * uses it.
 *
 * <p><b>Minor units differ per provider.</b> {@link #exponent()} is always the ISO 4217
 * exponent, and {@link Money} always holds ISO minor units. A provider that counts in other
 * units says so through {@link #exponentAt(ProviderId)}; adapters convert at the boundary with
 * {@link Money#ofProviderMinorUnits(long, Currency, ProviderId)} and
 * {@link Money#minorUnitsAt(ProviderId)}. Known differences:
 * <ul>
 *   <li>Adyen: CVE and IDR have 0 decimals (ISO: 2); CLP and ISK have 2 (ISO: 0).</li>
 *   <li>Annanow (Payrexx) and NP Atobarai use the ISO exponents (NP Atobarai only JPY).</li>
 *   <li>Walley: its docs do not say; its examples are in major units, which the Walley
 *       adapter parses with {@link Money#parse(String, Currency)}.</li>
 * </ul>
 * Fund codes (CLF, UYI, …), precious metals and withdrawn currencies are left out on purpose:
 * no counterpart of the hub settles in them, and an unknown code fails loudly.
 */
public enum Currency {
    AED(2), AFN(2), ALL(2), AMD(2), ANG(2), AOA(2), ARS(2), AUD(2), AWG(2), AZN(2),
    BAM(2), BBD(2), BDT(2), BGN(2), BHD(3), BIF(0), BMD(2), BND(2), BOB(2), BRL(2),
    BSD(2), BTN(2), BWP(2), BYN(2), BZD(2),
    CAD(2), CDF(2), CHF(2), CLP(0, 2), CNY(2), COP(2), CRC(2), CUP(2), CVE(2, 0), CZK(2),
    DJF(0), DKK(2), DOP(2), DZD(2),
    EGP(2), ERN(2), ETB(2), EUR(2),
    FJD(2), FKP(2),
    GBP(2), GEL(2), GHS(2), GIP(2), GMD(2), GNF(0), GTQ(2), GYD(2),
    HKD(2), HNL(2), HTG(2), HUF(2),
    IDR(2, 0), ILS(2), INR(2), IQD(3), IRR(2), ISK(0, 2),
    JMD(2), JOD(3), JPY(0),
    KES(2), KGS(2), KHR(2), KMF(0), KPW(2), KRW(0), KWD(3), KYD(2), KZT(2),
    LAK(2), LBP(2), LKR(2), LRD(2), LSL(2), LYD(3),
    MAD(2), MDL(2), MGA(2), MKD(2), MMK(2), MNT(2), MOP(2), MRU(2), MUR(2), MVR(2),
    MWK(2), MXN(2), MYR(2), MZN(2),
    NAD(2), NGN(2), NIO(2), NOK(2), NPR(2), NZD(2),
    OMR(3),
    PAB(2), PEN(2), PGK(2), PHP(2), PKR(2), PLN(2), PYG(0),
    QAR(2),
    RON(2), RSD(2), RUB(2), RWF(0),
    SAR(2), SBD(2), SCR(2), SDG(2), SEK(2), SGD(2), SHP(2), SLE(2), SOS(2), SRD(2),
    SSP(2), STN(2), SVC(2), SYP(2), SZL(2),
    THB(2), TJS(2), TMT(2), TND(3), TOP(2), TRY(2), TTD(2), TWD(2), TZS(2),
    UAH(2), UGX(0), USD(2), UYU(2), UZS(2),
    VED(2), VES(2), VND(0), VUV(0),
    WST(2),
    XAF(0), XCD(2), XCG(2), XOF(0), XPF(0),
    YER(2),
    ZAR(2), ZMW(2), ZWG(2);

    private static final Pattern CODE = Pattern.compile("[A-Za-z]{3}");

    private final int exponent;
    private final int adyenExponent;

    Currency(int exponent) {
        this(exponent, exponent);
    }

    Currency(int exponent, int adyenExponent) {
        this.exponent = exponent;
        this.adyenExponent = adyenExponent;
    }

    /** The ISO 4217 code, e.g. {@code "EUR"}. */
    public String code() {
        return name();
    }

    /** The ISO 4217 exponent: 2 for EUR (cents), 0 for JPY, 3 for KWD. */
    public int exponent() {
        return exponent;
    }

    /**
     * The exponent in which this provider counts its "minor unit" amounts for this
     * currency. Equal to {@link #exponent()} except where the provider deviates from ISO.
     */
    public int exponentAt(ProviderId provider) {
        return provider == ProviderId.ADYEN ? adyenExponent : exponent;
    }

    /** The currency with this ISO code (case-insensitive, surrounding blanks ignored). */
    public static Currency of(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidValue("currency code is missing");
        }
        String trimmed = code.trim();
        if (!CODE.matcher(trimmed).matches()) {
            throw new InvalidValue("currency code " + InvalidValue.echo(code) + " is not three letters (ISO 4217)");
        }
        try {
            return valueOf(trimmed.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValue("unknown currency code " + InvalidValue.echo(code)
                + "; the hub supports the circulating ISO 4217 currencies");
        }
    }
}
