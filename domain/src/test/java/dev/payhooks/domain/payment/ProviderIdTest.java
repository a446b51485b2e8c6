package dev.payhooks.domain.payment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

class ProviderIdTest {

    @ParameterizedTest
    @EnumSource(ProviderId.class)
    void everyProviderIsFoundByItsSlug(ProviderId provider) {
        assertEquals(provider, ProviderId.fromSlug(provider.slug()));
    }

    @Test
    void slugsAreTheOnesUsedInUrlsAndStorage() {
        assertEquals("np-atobarai", ProviderId.NP_ATOBARAI.slug());
        assertEquals("adyen", ProviderId.ADYEN.slug());
        assertEquals("walley", ProviderId.WALLEY.slug());
        assertEquals("annanow", ProviderId.ANNANOW.slug());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ADYEN", "np_atobarai", "payrexx"})
    void unknownSlugsAreRefusedWithTheValidOnes(String slug) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProviderId.fromSlug(slug));
        assertTrue(e.getMessage().contains("np-atobarai, adyen, walley, annanow"), e.getMessage());
    }

    @Test
    void noSlugIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProviderId.fromSlug(null));
    }
}
