package dev.payhooks.admin.merchants;

import dev.payhooks.admin.ConsoleFixture;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.Option;
import dev.payhooks.application.apikeys.ManageApiKeys;
import dev.payhooks.application.merchants.ManageMerchants;
import dev.payhooks.application.merchants.ManageSaleorApiUrls;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.merchant.InMemoryApiKeys;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.FakeUrlPolicy;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.saleor.InMemorySaleorApiUrlAssignments;
import dev.payhooks.domain.saleor.InMemorySaleorInstallations;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operators list, add, switch to, disable and key merchants; staff of one merchant see and switch nothing. */
class MerchantsModelTest {

    final ConsoleFixture console = new ConsoleFixture(java.time.Instant.parse("2026-11-23T10:00:00Z"));
    final InMemoryApiKeys apiKeys = new InMemoryApiKeys();
    final SequentialIds ids = new SequentialIds();
    final MerchantsModel model = console.withSignedIn(new MerchantsModel());

    MerchantsModelTest() {
        model.manage = new ManageMerchants(console.merchants,
            new ManageApiKeys(apiKeys, new FakeSecrets(), ids, console.clock, console.recorder), ids, console.clock,
            console.recorder);
        model.saleorApiUrls = new ManageSaleorApiUrls(console.merchants, new InMemorySaleorApiUrlAssignments(),
            new InMemorySaleorInstallations(), new FakeUrlPolicy(), console.clock, console.recorder);
        StaffUser ops = StaffUser.registerOperator("staff-ops", "ops", "hash", Set.of(StaffRole.ADMINISTRATOR),
            console.clock.instant());
        ops.enableSecondFactor(new SealedSecret("sealed"), 1L, List.of(), console.clock.instant());
        console.users.add(ops);
        console.clock.advance(Duration.ofMinutes(1));
    }

    void signInOperator() {
        console.sessionOf("ops");
        console.marks.verified("ops", console.clock.instant());
    }

    @Test
    void anOperatorAddsAMerchantSwitchesToItIssuesItAKeyAndDisablesIt() {
        signInOperator();
        assertTrue(model.operator());
        String shop = model.add("  Second shop ");
        assertEquals(List.of(new Option("m-1", "Default merchant"), new Option(shop, "Second shop")), model.actingChoices());
        assertEquals("m-1", model.actingFor());

        model.actFor(shop);
        assertEquals(shop, model.actingFor());
        assertEquals(shop, console.signedIn.caller().merchantId(), "every handler now acts for the chosen merchant");
        MerchantRow row = model.merchants().get(1);
        assertTrue(row.actingFor() && row.enabled() && !row.installation());
        assertTrue(model.merchants().get(0).installation());

        IssuedMerchantKey issued = model.issueKey(shop, "shop backend");
        assertEquals("Second shop", issued.merchantName());
        assertTrue(issued.plaintext().startsWith("phk_"));
        assertFalse(issued.toString().contains(issued.plaintext()));
        assertEquals(1, apiKeys.ofMerchant(shop).size());

        model.enable(shop, false);
        assertFalse(model.merchants().get(1).enabled());
        assertEquals(new Option(shop, "Second shop (disabled)"), model.actingChoices().get(1));
        assertEquals("name", assertThrows(InvalidField.class, () -> model.add(" ")).field());
    }

    @Test
    void anOperatorWithoutTheSecondFactorInTheSessionSwitchesButChangesNothing() {
        console.sessionOf("ops");
        assertTrue(model.operator());
        assertEquals(1, model.actingChoices().size());
        assertEquals(MerchantsModel.OPERATORS_ONLY, assertThrows(NotAllowed.class, () -> model.add("Mine")).getMessage());
        assertEquals(1, console.merchants.count());
    }

    @Test
    void aMerchantsStaffMemberSeesNoSwitcherAndIsRefusedEveryMerchantAction() {
        signInOperator();
        String shop = model.add("Second shop");
        console.signIn("admin2", "ADMINISTRATOR");
        console.marks.verified("admin2", console.clock.instant());

        assertFalse(model.operator());
        assertTrue(model.actingChoices().isEmpty());
        model.actFor(shop);
        assertEquals("m-1", model.actingFor(), "the session's choice does not move a member of one merchant");
        assertThrows(NotAllowed.class, model::merchants);
        assertThrows(NotAllowed.class, () -> model.add("Mine"));
        assertThrows(NotAllowed.class, () -> model.enable(shop, false));
        assertThrows(NotAllowed.class, () -> model.issueKey(shop, "mine"));
        assertThrows(NotAllowed.class, () -> model.saleorApiUrls(shop));
        assertThrows(NotAllowed.class, () -> model.assignSaleorApiUrl(shop, "https://mine.example/graphql/"));
        assertTrue(console.merchants.byId(shop).orElseThrow().enabled());
        assertTrue(apiKeys.ofMerchant(shop).isEmpty());
    }

    @Test
    void anOperatorAssignsAMerchantsOwnSaleorApiUrlsAndRemovesThem() {
        signInOperator();
        String shop = model.add("Second shop");

        assertEquals("https://b.example/graphql/", model.assignSaleorApiUrl(shop, " https://b.example/graphql/ "));
        model.assignSaleorApiUrl(shop, "https://a.example/graphql/");
        assertEquals(List.of("https://a.example/graphql/", "https://b.example/graphql/"), model.saleorApiUrls(shop));
        assertEquals("apiUrl", assertThrows(InvalidField.class, () -> model.assignSaleorApiUrl(shop, "a.example")).field());
        assertThrows(dev.payhooks.domain.error.Conflict.class,
            () -> model.assignSaleorApiUrl("m-1", "https://a.example/graphql/"));

        model.unassignSaleorApiUrl(shop, "https://a.example/graphql/");
        assertEquals(List.of("https://b.example/graphql/"), model.saleorApiUrls(shop));
        assertEquals(List.of(), model.saleorApiUrls("m-1"));
    }
}
