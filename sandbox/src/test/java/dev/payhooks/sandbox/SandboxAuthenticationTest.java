package dev.payhooks.sandbox;

import dev.payhooks.adapters.management.ApiKeyAuthentication;
import dev.payhooks.sandbox.annanow.AnnanowSandboxResource;
import dev.payhooks.sandbox.walley.WalleySandboxResource;
import dev.payhooks.sandbox.walley.WalleyTestingResource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulators act on a channel through its endpoint key only (public); the test-only operation needs an API key. */
class SandboxAuthenticationTest {

    @Test
    void simulatorsArePublicTheTestOnlyOperationIsNot() {
        assertFalse(ApiKeyAuthentication.requiresKey(WalleySandboxResource.class));
        assertFalse(ApiKeyAuthentication.requiresKey(AnnanowSandboxResource.class));
        assertTrue(ApiKeyAuthentication.requiresKey(WalleyTestingResource.class));
    }
}
