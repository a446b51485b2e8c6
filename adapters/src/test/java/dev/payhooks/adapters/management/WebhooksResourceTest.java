package dev.payhooks.adapters.management;

import dev.payhooks.adapters.api.JsonBody;
import dev.payhooks.domain.error.InvalidField;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhooksResourceTest {

    static JsonBody body(String json) {
        return JsonBody.read(new ByteArrayInputStream(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPutWithSomeFieldsSaysPutReplacesTheWholeWebhookAndListsEveryMissingField() {
        InvalidField missing = assertThrows(InvalidField.class,
            () -> WebhooksResource.requireWhole(body("{'enabled': false}"), WebhooksResource.PUT_REPLACES));

        assertEquals("label", missing.field());
        assertTrue(missing.getMessage().contains("PUT replaces the whole webhook"), missing.getMessage());
        assertTrue(missing.getMessage().endsWith("missing: label, url, events, signature"), missing.getMessage());
        assertTrue(missing.getMessage().contains("PATCH"), missing.getMessage());
    }

    @Test
    void aPutMissingOnlyTheSignatureNamesOnlyIt() {
        InvalidField missing = assertThrows(InvalidField.class, () -> WebhooksResource.requireWhole(
            body("{'label': 'ERP', 'url': 'https://erp.example/in', 'events': ['a'], 'signature': null}"),
            WebhooksResource.PUT_REPLACES));
        assertEquals("signature", missing.field());
        assertTrue(missing.getMessage().endsWith("missing: signature"), missing.getMessage());
        assertDoesNotThrow(() -> WebhooksResource.requireWhole(
            body("{'label': 'ERP', 'url': 'https://erp.example/in', 'events': ['a'], 'signature': {'type': 'NONE'}}"),
            WebhooksResource.PUT_REPLACES));
    }
}
