package dev.payhooks.application.merchants;

import dev.payhooks.application.access.Caller;
import dev.payhooks.application.access.TestCallers;
import dev.payhooks.application.apikeys.ManageApiKeys;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.domain.merchant.InMemoryApiKeys;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SequentialIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManageMerchantsTest {

    static final String OPERATOR_KEY = "pho_" + "o".repeat(36) + "wxyz";

    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    final InMemoryMerchants merchants = new InMemoryMerchants();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final SequentialIds ids = new SequentialIds();
    final ManageApiKeys apiKeys = new ManageApiKeys(new InMemoryApiKeys(), new FakeSecrets(), ids, clock,
        audit.recorder(() -> Actor.apiKey("operator", "pho_••••wxyz"), clock));
    final ManageMerchants manage = new ManageMerchants(merchants, apiKeys, ids, clock,
        audit.recorder(() -> Actor.apiKey("operator", "pho_••••wxyz"), clock));
    final OperatorKeys operatorKeys = OperatorKeys.of(List.of(OPERATOR_KEY), "payhooks.operator-keys");
    final ApiAccess access = new ApiAccess(apiKeys, merchants, operatorKeys);
    final Caller operator = operatorKeys.authenticate(OPERATOR_KEY).orElseThrow();

    ManageMerchantsTest() {
        merchants.add(Merchant.register("m-default", "Default merchant", "aaaaaaaaaaaaaaa", clock.instant().minusSeconds(60)));
    }

    @Test
    void anOperatorAddsAMerchantAndIssuesItsFirstKey() {
        Merchant shop = manage.create(operator, "  Second shop ");

        assertEquals("Second shop", shop.name());
        assertEquals(List.of("m-default", shop.id()), manage.list(operator).stream().map(Merchant::id).toList());
        ManageApiKeys.IssuedKey issued = manage.issueKey(operator, shop.id(), "shop backend");
        ApiAccess.Access found = access.authenticate(issued.plaintext());
        assertEquals(shop.id(), assertInstanceOf(ApiAccess.MerchantKey.class, found).key().merchantId());

        assertEquals(List.of("merchant.created", "api-key.issued"),
            audit.all().stream().filter(e -> e.merchantId().equals(shop.id())).map(AuditEntry::action).toList(),
            "the merchant's own trail shows what the operator did");
        assertTrue(audit.all().stream().noneMatch(e -> e.merchantId().equals("m-default")));
    }

    @Test
    void aDisabledMerchantsKeysAreRefusedUntilItIsEnabledAgain() {
        Merchant shop = manage.create(operator, "Second shop");
        String key = manage.issueKey(operator, shop.id(), "shop backend").plaintext();

        manage.disable(operator, shop.id());
        assertEquals(new ApiAccess.MerchantDisabled(shop.id()), access.authenticate(key));
        assertEquals(clock.instant(), merchants.byId(shop.id()).orElseThrow().disabledAt().orElseThrow());
        assertThrows(Conflict.class, () -> manage.issueKey(operator, shop.id(), "another"));

        manage.enable(operator, shop.id());
        assertInstanceOf(ApiAccess.MerchantKey.class, access.authenticate(key));
        assertEquals(List.of("merchant.created", "api-key.issued", "merchant.disabled", "merchant.enabled"),
            audit.all().stream().filter(e -> e.merchantId().equals(shop.id())).map(AuditEntry::action).toList());
    }

    @Test
    void theInstallationsOwnMerchantIsNeverDisabled() {
        assertThrows(Conflict.class, () -> manage.disable(operator, "m-default"));
        assertTrue(merchants.byId("m-default").orElseThrow().enabled());
    }

    @Test
    void onlyAnOperatorManagesMerchants() {
        Merchant shop = manage.create(operator, "Second shop");
        for (Caller caller : List.of(TestCallers.administrator("m-default"), TestCallers.developer(shop.id()),
                new Caller.ApiClient(null))) {
            List<Executable> attempts = List.of(() -> manage.list(caller), () -> manage.get(caller, shop.id()),
                () -> manage.create(caller, "Mine"), () -> manage.disable(caller, shop.id()),
                () -> manage.enable(caller, shop.id()), () -> manage.issueKey(caller, shop.id(), "mine"));
            for (Executable attempt : attempts) {
                assertThrows(NotPermitted.class, attempt, caller.toString());
            }
        }
        assertEquals(2, merchants.count());
        assertTrue(merchants.byId(shop.id()).orElseThrow().enabled());
    }

    @Test
    void anOperatorActsForNoMerchant() {
        assertEquals("", operator.merchantId());
        assertThrows(NotPermitted.class, operator::requireMayChange);
        assertThrows(NotPermitted.class, operator::requireMayAdminister);
    }

    @Test
    void unknownMerchantsAndBadNamesAreClearErrors() {
        assertThrows(NotFound.class, () -> manage.disable(operator, "nobody"));
        assertThrows(NotFound.class, () -> manage.issueKey(operator, "nobody", "k"));
        assertThrows(InvalidField.class, () -> manage.create(operator, "  "));
        assertEquals(1, merchants.count());
    }

    @Test
    void operatorKeysAreCheckedByShapeAndDigest() {
        assertInstanceOf(ApiAccess.OperatorKey.class, access.authenticate(OPERATOR_KEY));
        assertEquals("pho_••••wxyz", operatorKeys.authenticate(OPERATOR_KEY).orElseThrow().fingerprint());
        assertFalse(operatorKeys.authenticate(OPERATOR_KEY).orElseThrow().toString().contains(OPERATOR_KEY));
        for (String other : new String[] {null, "", "pho_short", "pho_" + "p".repeat(40), "PHO_" + "o".repeat(36) + "wxyz",
                "phk_" + "o".repeat(36) + "wxyz"}) {
            assertInstanceOf(ApiAccess.Refused.class, access.authenticate(other), String.valueOf(other));
        }
        assertFalse(OperatorKeys.none().any());
        assertTrue(OperatorKeys.none().authenticate(OPERATOR_KEY).isEmpty());
        assertThrows(InvalidField.class, () -> OperatorKeys.of(List.of("pho_too-short"), "payhooks.operator-keys"));
        assertTrue(OperatorKeys.of(List.of(" ", ""), "payhooks.operator-keys").authenticate(OPERATOR_KEY).isEmpty());
    }
}
