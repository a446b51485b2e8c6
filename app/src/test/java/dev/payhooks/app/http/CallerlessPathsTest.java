package dev.payhooks.app.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallerlessPathsTest {

    @Test
    void providerNotificationsAndHealthAreCallerless() {
        assertTrue(CallerlessPaths.callerless("/api", "/notifications/adyen/k3y"));
        assertTrue(CallerlessPaths.callerless("/health/live", null));
        assertTrue(CallerlessPaths.callerless("/health", "/ready"));
    }

    @Test
    void everyOtherMappingGoesToJakartaSecurity() {
        assertFalse(CallerlessPaths.callerless("/api", "/v1/channels"));
        assertFalse(CallerlessPaths.callerless("/api", "/notifications"));
        assertFalse(CallerlessPaths.callerless("/api", "/Notifications/adyen/k3y"));
        assertFalse(CallerlessPaths.callerless("/api", "/saleor/np-atobarai/webhooks"));
        assertFalse(CallerlessPaths.callerless("/api", null));
        assertFalse(CallerlessPaths.callerless("/admin", "/notifications/adyen/k3y"));
        assertFalse(CallerlessPaths.callerless("/admin", "/health"));
        assertFalse(CallerlessPaths.callerless("/VAADIN", "/health/live"));
        assertFalse(CallerlessPaths.callerless("/healthz", null));
        assertFalse(CallerlessPaths.callerless("", "/api/notifications/adyen/k3y"));
        assertFalse(CallerlessPaths.callerless("/metrics", null));
        assertFalse(CallerlessPaths.callerless(null, null));
    }
}
