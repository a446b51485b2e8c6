package dev.payhooks.domain.staff;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.port.HmacSha1;
import dev.payhooks.domain.port.JdkHmacSha1ForTests;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpSecretTest {

    /** The SHA-1 key of RFC 6238 appendix B. */
    static final TotpSecret RFC = TotpSecret.ofKey("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    static final HmacSha1 HMAC = new JdkHmacSha1ForTests();

    @Test
    void codesMatchTheRfc6238TestVectors() {
        assertEquals("94287082", RFC.code(TotpSecret.stepAt(Instant.ofEpochSecond(59)), 8, HMAC));
        assertEquals("07081804", RFC.code(TotpSecret.stepAt(Instant.ofEpochSecond(1111111109)), 8, HMAC));
        assertEquals("14050471", RFC.code(TotpSecret.stepAt(Instant.ofEpochSecond(1111111111)), 8, HMAC));
        assertEquals("89005924", RFC.code(TotpSecret.stepAt(Instant.ofEpochSecond(1234567890)), 8, HMAC));
        assertEquals("69279037", RFC.code(TotpSecret.stepAt(Instant.ofEpochSecond(2000000000)), 8, HMAC));
        assertEquals("65353130", RFC.code(TotpSecret.stepAt(Instant.ofEpochSecond(20000000000L)), 8, HMAC));
        // six digits are the last six of the eight
        assertEquals("287082", RFC.codeAt(TotpSecret.stepAt(Instant.ofEpochSecond(59)), HMAC));
    }

    @Test
    void base32IsTheRfc4648Alphabet() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", RFC.base32());
        assertEquals(RFC, TotpSecret.parse("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        assertThrows(InvalidField.class, () -> TotpSecret.parse("GEZDGNBVGY3TQOJ1GEZDGNBVGY3TQOJQ"));
    }

    @Test
    void provisioningUriCarriesIssuerAccountAndKey() {
        assertEquals("otpauth://totp/Payhooks:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Payhooks"
            + "&algorithm=SHA1&digits=6&period=30", RFC.provisioningUri("Payhooks", "alice@example.com"));
    }

    @Test
    void codesOfTheNeighbouringStepsAreAcceptedButNotFurther() {
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = TotpSecret.stepAt(now);

        assertEquals(OptionalLong.of(step), RFC.matchingStep(RFC.codeAt(step, HMAC), now, 0, HMAC));
        assertEquals(OptionalLong.of(step - 1), RFC.matchingStep(RFC.codeAt(step - 1, HMAC), now, 0, HMAC));
        assertEquals(OptionalLong.of(step + 1), RFC.matchingStep(RFC.codeAt(step + 1, HMAC), now, 0, HMAC));
        assertTrue(RFC.matchingStep(RFC.codeAt(step - 2, HMAC), now, 0, HMAC).isEmpty());
        assertTrue(RFC.matchingStep(RFC.codeAt(step + 2, HMAC), now, 0, HMAC).isEmpty());
    }

    @Test
    void aCodeOfAStepAlreadyUsedOrEarlierIsRefused() {
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = TotpSecret.stepAt(now);

        assertTrue(RFC.matchingStep(RFC.codeAt(step, HMAC), now, step, HMAC).isEmpty());
        assertTrue(RFC.matchingStep(RFC.codeAt(step - 1, HMAC), now, step, HMAC).isEmpty());
        assertEquals(OptionalLong.of(step + 1), RFC.matchingStep(RFC.codeAt(step + 1, HMAC), now, step, HMAC));
    }

    @Test
    void malformedCodesAreRefused() {
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        assertTrue(RFC.matchingStep(null, now, 0, HMAC).isEmpty());
        assertTrue(RFC.matchingStep("12345", now, 0, HMAC).isEmpty());
        assertTrue(RFC.matchingStep("abcdef", now, 0, HMAC).isEmpty());
        String code = RFC.codeAt(TotpSecret.stepAt(now), HMAC);
        assertEquals(OptionalLong.of(TotpSecret.stepAt(now)),
            RFC.matchingStep(code.substring(0, 3) + " " + code.substring(3), now, 0, HMAC), "a space in the middle is fine");
    }

    @Test
    void toStringHidesTheKey() {
        assertEquals("TotpSecret[…]", RFC.toString());
    }
}
