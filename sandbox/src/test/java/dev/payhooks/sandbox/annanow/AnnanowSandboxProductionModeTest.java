package dev.payhooks.sandbox.annanow;

import dev.payhooks.adapters.annanow.AnnanowFields;
import dev.payhooks.adapters.api.ApiProblem;
import dev.payhooks.adapters.api.HubMode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnnanowSandboxProductionModeTest {

    @Test
    void theAnnanowSandboxIsNotThereInProduction() {
        AnnanowSandboxResource sandbox = new AnnanowSandboxResource();
        sandbox.mode = new HubMode(true);
        assertEquals(404, assertThrows(ApiProblem.class, () -> sandbox.send(new ByteArrayInputStream("{}".getBytes()))).status());
        assertEquals(404, assertThrows(ApiProblem.class, () -> sandbox.transaction("1")).status());
    }

    @Test
    void theFormEncodingIsPhpsHttpBuildQuery() {
        var object = jakarta.json.Json.createReader(new java.io.StringReader(
            "{\"transaction\": {\"id\": 5, \"status\": \"confirmed\", \"invoice\": {\"products\": [{\"sku\": \"a&b\"}]}, \"note\": null}}"))
            .readObject();
        assertEquals("transaction%5Bid%5D=5&transaction%5Bstatus%5D=confirmed&transaction%5Binvoice%5D%5Bproducts%5D%5B0%5D%5Bsku%5D=a%26b",
            AnnanowSandboxResource.form(object));
        assertEquals(AnnanowFields.fromJson(object.toString().getBytes()).tree(),
            AnnanowFields.fromForm(AnnanowSandboxResource.form(object).getBytes()).tree());
    }
}
