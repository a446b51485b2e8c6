package dev.payhooks.domain.staff;

import dev.payhooks.domain.port.RandomBytes;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryCodesTest {

    @Test
    void tenDistinctCodesOfSixteenCharactersInGroupsOfFour() {
        List<String> codes = RecoveryCodes.generate(RandomBytes.secure());

        assertEquals(RecoveryCodes.COUNT, codes.size());
        assertEquals(RecoveryCodes.COUNT, new HashSet<>(codes).size());
        codes.forEach(code -> assertTrue(code.matches("[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}"), code));
    }

    @Test
    void theHashIgnoresCaseDashesSpacesAndCrockfordLookalikes() {
        String hash = RecoveryCodes.hash("ab1c-d0ef-gh11-jk00");

        assertEquals(hash, RecoveryCodes.hash("AB1C D0EF GH11 JK00"));
        assertEquals(hash, RecoveryCodes.hash("abic-doef-ghil-jkoo"));
        assertNotEquals(hash, RecoveryCodes.hash("ab1c-d0ef-gh11-jk01"));
        assertEquals(64, hash.length());
    }

    @Test
    void sixDigitCodesDoNotLookLikeRecoveryCodes() {
        assertFalse(RecoveryCodes.looksLikeOne("123456"));
        assertTrue(RecoveryCodes.looksLikeOne("ab1c-d0ef-gh11-jk00"));
    }
}
