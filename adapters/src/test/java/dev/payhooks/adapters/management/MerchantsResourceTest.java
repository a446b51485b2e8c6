package dev.payhooks.adapters.management;

import dev.payhooks.application.access.Caller;
import dev.payhooks.application.merchants.ManageSaleorApiUrls;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.port.FakeUrlPolicy;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.saleor.InMemorySaleorApiUrlAssignments;
import dev.payhooks.domain.saleor.InMemorySaleorInstallations;
import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.error.NotPermitted;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The operators' Saleor API URL endpoints of a merchant, with in-memory repositories. Refusals leave
 * as the domain's exceptions, which {@code ApiExceptionMapper} answers (404, 409, 400, 403).
 */
class MerchantsResourceTest {

    static final String URL = "https://b.example/graphql/";

    final Clock clock = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
    final InMemoryMerchants merchants = new InMemoryMerchants();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final MerchantsResource resource = new MerchantsResource();

    MerchantsResourceTest() {
        merchants.add(Merchant.register("m-1", "Default merchant", "aaaaaaaaaaaaaaa", clock.instant()));
        merchants.add(Merchant.register("m-2", "Second shop", "bbbbbbbbbbbbbbb", clock.instant()));
        resource.saleorApiUrls = new ManageSaleorApiUrls(merchants, new InMemorySaleorApiUrlAssignments(),
            new InMemorySaleorInstallations(), new FakeUrlPolicy(), clock,
            audit.recorder(() -> Actor.apiKey("operator", "pho_••••wxyz"), clock));
        resource.caller = new ApiCaller();
        resource.caller.operator(new Caller.Operator("pho_••••wxyz"));
    }

    static InputStream body(String json) {
        return new ByteArrayInputStream(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anOperatorKeyAssignsListsAndUnassignsAUrl() {
        JsonObject json = resource.assigned("m-2", body("{'apiUrl': ' " + URL + "'}"));

        assertEquals(URL, json.getString("apiUrl"));
        assertEquals("m-2", json.getString("merchantId"));
        assertEquals("2026-12-07T12:00:00Z", json.getString("createdAt"));
        assertEquals(json, resource.saleorApiUrls("m-2").getJsonObject(0));
        assertEquals(0, resource.saleorApiUrls("m-1").size());

        resource.unassignSaleorApiUrl("m-2", URL);
        assertEquals(0, resource.saleorApiUrls("m-2").size());
        assertEquals(2, audit.all().size());
    }

    @Test
    void refusalsAreTheApisErrors() {
        resource.assigned("m-2", body("{'apiUrl': '" + URL + "'}"));

        assertThrows(Conflict.class, () -> resource.assigned("m-1", body("{'apiUrl': '" + URL + "'}")));
        assertEquals("apiUrl", assertThrows(InvalidField.class,
            () -> resource.assigned("m-1", body("{'apiUrl': 'b.example/graphql/'}"))).field());
        assertEquals("url", assertThrows(InvalidField.class,
            () -> resource.assigned("m-1", body("{'url': '" + URL + "'}"))).field(), "an unknown field is named");
        assertThrows(NotFound.class, () -> resource.assigned("nobody", body("{'apiUrl': '" + URL + "'}")));
        assertThrows(NotFound.class, () -> resource.unassignSaleorApiUrl("m-1", URL));
        assertThrows(NotFound.class, () -> resource.saleorApiUrls("nobody"));

        resource.caller = new ApiCaller();
        resource.caller.authenticated(ApiKey.issue("k-1", "m-2", "shop backend", "phk_" + "x".repeat(40),
            new SealedSecret("sealed"), clock.instant()));
        assertThrows(NotPermitted.class, () -> resource.saleorApiUrls("m-2"), "a merchant's own key manages no URLs");
        assertThrows(NotPermitted.class, () -> resource.assigned("m-2", body("{'apiUrl': 'https://c.example/graphql/'}")));
        assertThrows(NotPermitted.class, () -> resource.unassignSaleorApiUrl("m-2", URL));
        assertEquals(1, audit.all().size());
    }
}
