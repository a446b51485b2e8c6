package dev.payhooks.application.merchants;

import dev.payhooks.application.access.Caller;
import dev.payhooks.application.access.TestCallers;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.FakeUrlPolicy;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.saleor.AssignedSaleorApiUrl;
import dev.payhooks.domain.saleor.InMemorySaleorApiUrlAssignments;
import dev.payhooks.domain.saleor.InMemorySaleorInstallations;
import dev.payhooks.domain.saleor.SaleorInstallation;
import dev.payhooks.domain.staff.StaffRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManageSaleorApiUrlsTest {

    static final String SHOP_A = "https://a.example/graphql/";
    static final String SHOP_B = "https://b.example/graphql/";

    final Clock clock = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
    final InMemoryMerchants merchants = new InMemoryMerchants();
    final InMemorySaleorApiUrlAssignments assignments = new InMemorySaleorApiUrlAssignments();
    final InMemorySaleorInstallations installations = new InMemorySaleorInstallations();
    final FakeUrlPolicy urlPolicy = new FakeUrlPolicy("internal.example");
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final ManageSaleorApiUrls manage = new ManageSaleorApiUrls(merchants, assignments, installations, urlPolicy, clock,
        audit.recorder(() -> Actor.apiKey("operator", "pho_••••wxyz"), clock));
    final Caller operator = new Caller.Operator("pho_••••wxyz");

    ManageSaleorApiUrlsTest() {
        merchants.add(Merchant.register("m-default", "Default merchant", "aaaaaaaaaaaaaaa", clock.instant().minusSeconds(60)));
        merchants.add(Merchant.register("m-2", "Second shop", "bbbbbbbbbbbbbbb", clock.instant()));
    }

    @Test
    void anOperatorAssignsAndUnassignsAUrlAuditedInTheMerchantsTrail() {
        AssignedSaleorApiUrl assigned = manage.assign(operator, "m-2", "  " + SHOP_B + " ");

        assertEquals(new AssignedSaleorApiUrl(SHOP_B, "m-2", clock.instant()), assigned);
        assertEquals(List.of(assigned), manage.list(operator, "m-2"));
        assertEquals(List.of(), manage.list(operator, "m-default"));
        assertEquals(List.of(java.net.URI.create(SHOP_B)), urlPolicy.checked(), "the SSRF guard looked at the URL");

        manage.unassign(operator, "m-2", SHOP_B);
        assertEquals(List.of(), manage.list(operator, "m-2"));
        assertEquals(List.of("merchant.saleor-url-assigned", "merchant.saleor-url-unassigned"),
            audit.all().stream().filter(e -> e.merchantId().equals("m-2")).map(AuditEntry::action).toList());
        assertEquals(List.of(SHOP_B, SHOP_B), audit.all().stream().map(AuditEntry::detail).toList());
    }

    @Test
    void operatorStaffWithTheSecondFactorPassedAssignToo() {
        Caller.Staff operatorStaff = operatorStaff(StaffRole.ADMINISTRATOR, Optional.of(clock.instant()));

        manage.assign(operatorStaff, "m-2", SHOP_B);

        assertEquals(1, manage.list(operatorStaff, "m-2").size());
    }

    @Test
    void nobodyButAnOperatorAssigns() {
        manage.assign(operator, "m-2", SHOP_B);
        List<Caller> refused = List.of(TestCallers.administrator("m-2"), TestCallers.developer("m-2"),
            TestCallers.viewer("m-2"), new Caller.ApiClient(apiKeyOf("m-2")), new Caller.ApiClient(null),
            operatorStaff(StaffRole.VIEWER, Optional.of(clock.instant())),
            operatorStaff(StaffRole.ADMINISTRATOR, Optional.empty()));
        for (Caller caller : refused) {
            List<Executable> attempts = List.of(() -> manage.list(caller, "m-2"),
                () -> manage.assign(caller, "m-2", SHOP_A), () -> manage.unassign(caller, "m-2", SHOP_B));
            for (Executable attempt : attempts) {
                assertThrows(NotPermitted.class, attempt, caller.toString());
            }
        }
        assertEquals(List.of(SHOP_B), assignments.ofMerchant("m-2").stream().map(AssignedSaleorApiUrl::apiUrl).toList());
        assertEquals(1, audit.all().size());
    }

    @Test
    void aUrlBelongsToOneMerchant() {
        manage.assign(operator, "m-2", SHOP_B);

        Conflict again = assertThrows(Conflict.class, () -> manage.assign(operator, "m-2", SHOP_B));
        assertTrue(again.getMessage().contains("this merchant already"), again.getMessage());
        Conflict other = assertThrows(Conflict.class, () -> manage.assign(operator, "m-default", " " + SHOP_B));
        assertTrue(other.getMessage().contains("m-2"), other.getMessage());
        assertEquals(List.of(), manage.list(operator, "m-default"));
    }

    @Test
    void aUrlWhoseInstallationWorksForAnotherMerchantIsRefused() {
        installations.add(SaleorInstallation.install(SHOP_A, ProviderId.ADYEN, "m-default", "QXBwOjE0",
            new SealedSecret("sealed"), "{\"keys\":[]}", clock.instant()));

        Conflict refused = assertThrows(Conflict.class, () -> manage.assign(operator, "m-2", SHOP_A));

        assertTrue(refused.getMessage().contains("remove that installation first"), refused.getMessage());
        manage.assign(operator, "m-default", SHOP_A);
        assertEquals(1, manage.list(operator, "m-default").size(), "its own merchant may have it assigned");
    }

    @Test
    void badUrlsUnknownMerchantsAndUnassignedUrlsAreClearErrors() {
        for (String bad : new String[] {null, " ", "shop.example/graphql/", "ftp://shop.example/graphql/",
                "https://user:pw@shop.example/graphql/", "https://shop.example/graphql/?x=1", "https://shop.example/g#f",
                "https://shop.example/graph ql/", "https://shop.example/" + "g".repeat(500)}) {
            InvalidField invalid = assertThrows(InvalidField.class, () -> manage.assign(operator, "m-2", bad), bad);
            assertEquals("apiUrl", invalid.field());
        }
        InvalidField internal = assertThrows(InvalidField.class,
            () -> manage.assign(operator, "m-2", "https://internal.example/graphql/"));
        assertEquals("apiUrl", internal.field(), "the SSRF guard's refusal names the field");
        assertThrows(NotFound.class, () -> manage.assign(operator, "nobody", SHOP_A));
        assertThrows(NotFound.class, () -> manage.list(operator, "nobody"));

        manage.assign(operator, "m-2", SHOP_B);
        assertThrows(NotFound.class, () -> manage.unassign(operator, "m-default", SHOP_B), "another merchant's URL");
        assertThrows(NotFound.class, () -> manage.unassign(operator, "m-2", SHOP_A));
        assertEquals(1, assignments.ofMerchant("m-2").size());
        assertEquals(1, audit.all().size());
    }

    private Caller.Staff operatorStaff(StaffRole role, Optional<Instant> secondFactorPassed) {
        return new Caller.Staff("op", Set.of(role), true, secondFactorPassed, "m-default", true);
    }

    private ApiKey apiKeyOf(String merchantId) {
        return ApiKey.issue("k-1", merchantId, "shop backend", "phk_" + "x".repeat(40), new SealedSecret("sealed"),
            clock.instant());
    }
}
