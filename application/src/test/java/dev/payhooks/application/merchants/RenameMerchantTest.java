package dev.payhooks.application.merchants;

import dev.payhooks.application.access.Caller;
import dev.payhooks.application.access.TestCallers;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.port.SealedSecret;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RenameMerchantTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
    final InMemoryMerchants merchants = new InMemoryMerchants();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final RenameMerchant rename = new RenameMerchant(merchants, audit.recorder(() -> Actor.apiKey("shop", "phk_••••abcd"), clock));

    RenameMerchantTest() {
        merchants.add(Merchant.register("m-1", "Shop", "aaaaaaaaaaaaaaa", clock.instant()));
        merchants.add(Merchant.register("m-2", "Other", "bbbbbbbbbbbbbbb", clock.instant()));
    }

    @Test
    void aCallerWhoMayChangeRenamesItsOwnMerchantAndTheAuditTrailHasBothNames() {
        rename.handle(TestCallers.developer("m-1"), "  Shop Tokyo ");

        assertEquals("Shop Tokyo", merchants.byId("m-1").orElseThrow().name());
        assertEquals("Other", merchants.byId("m-2").orElseThrow().name());
        List<AuditEntry> entries = audit.all().stream().filter(e -> e.merchantId().equals("m-1")).toList();
        assertEquals(1, entries.size());
        assertEquals("merchant.renamed", entries.get(0).action());
        assertEquals("was 'Shop', now 'Shop Tokyo'", entries.get(0).detail());
    }

    @Test
    void viewersAndRevokedKeysAreRefusedAndABlankNameIsAFieldError() {
        assertThrows(NotPermitted.class, () -> rename.handle(TestCallers.viewer("m-1"), "Taken over"));
        ApiKey revoked = ApiKey.issue("k-1", "m-1", "shop", "phk_" + "a".repeat(40), new SealedSecret("sealed"), clock.instant());
        revoked.revoke(clock.instant());
        assertThrows(NotPermitted.class, () -> rename.handle(new Caller.ApiClient(revoked), "Taken over"));
        assertThrows(InvalidField.class, () -> rename.handle(TestCallers.administrator("m-1"), " "));

        assertEquals("Shop", merchants.byId("m-1").orElseThrow().name());
        assertEquals(List.of(), audit.all());
    }
}
