package dev.payhooks.sandbox.walley;

import dev.payhooks.adapters.api.ApiProblem;
import dev.payhooks.adapters.api.HubMode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The test-only Walley operation and the Walley sandbox refuse to run in production mode, before reading anything. */
class WalleyProductionModeTest {

    static ByteArrayInputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFailureSimulationIsRefusedInProduction() {
        WalleyTestingResource resource = new WalleyTestingResource();
        resource.mode = new HubMode(true);
        ApiProblem refused = assertThrows(ApiProblem.class,
            () -> resource.simulate("shop", body("{\"customerToken\": \"t\", \"reason\": \"NoFunds\"}")));
        assertEquals(403, refused.status());
    }

    @Test
    void theWalleySandboxIsNotThereInProduction() {
        WalleySandboxResource sandbox = new WalleySandboxResource();
        sandbox.mode = new HubMode(true);
        assertEquals(404, assertThrows(ApiProblem.class,
            () -> sandbox.token("client_credentials", "c", "s")).status());
        assertEquals(404, assertThrows(ApiProblem.class,
            () -> sandbox.checkout(body("{}"))).status());
        assertEquals(404, assertThrows(ApiProblem.class,
            () -> sandbox.simulateFailure("t", "Bearer x", body("{}"))).status());
        assertEquals(404, assertThrows(ApiProblem.class,
            () -> sandbox.fault("t", body("{\"status\": 503, \"times\": 1}"))).status());
    }
}
