package dev.payhooks.domain.provider.npatobarai;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreditCheckTest {

    @Test
    void mapsTheResultCodes() {
        assertEquals(CreditCheck.Verdict.APPROVED, CreditCheck.of("00", null, null).verdict());
        assertEquals(CreditCheck.Verdict.ON_HOLD, CreditCheck.of("10", List.of("RE015"), null).verdict());
        assertEquals(CreditCheck.Verdict.REFUSED, CreditCheck.of("20", null, "NG001").verdict());
        assertEquals(CreditCheck.Verdict.REFUSED, CreditCheck.of("40", null, null).verdict());
        assertEquals(CreditCheck.Verdict.REFUSED, CreditCheck.of("99", null, null).verdict());
        assertEquals(CreditCheck.Verdict.REFUSED, CreditCheck.of(null, null, null).verdict());
    }

    @ParameterizedTest
    @EnumSource(HoldReason.class)
    void everyHoldReasonHasCodeAndReadableMessage(HoldReason reason) {
        String message = CreditCheck.of("10", List.of(reason.code()), null).message();
        assertTrue(message.contains(reason.code()), message);
        assertTrue(message.contains(reason.message()), message);
    }

    @Test
    void unknownHoldCodeStillReadable() {
        assertTrue(HoldReason.describe("RE999").contains("RE999"));
    }

    @Test
    void refusalNamesTheResult() {
        assertEquals("Credit check rejected (authori_result 20, NG001)", CreditCheck.of("20", null, "NG001").message());
        assertEquals("Credit check cancelled (authori_result 40)", CreditCheck.of("40", null, null).message());
    }
}
