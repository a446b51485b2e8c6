package dev.payhooks.application.webhooks;

import dev.payhooks.application.access.Caller;
import dev.payhooks.application.access.TestCallers;

import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import dev.payhooks.domain.outbound.InMemorySignatureKeys;
import dev.payhooks.domain.outbound.SignatureKey;
import dev.payhooks.domain.outbound.WebhookSecret;
import dev.payhooks.domain.port.CountingRandomBytes;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SteppingClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManageSignatureKeysTest {

    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T12:00:00Z"));
    final FakeSecrets secrets = new FakeSecrets();
    final InMemorySignatureKeys keys = new InMemorySignatureKeys();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final ManageSignatureKeys manage = new ManageSignatureKeys(keys, secrets, new CountingRandomBytes(), clock,
        audit.recorder(() -> Actor.staff("alice"), clock));

    @Test
    void ensureMakesOneSealedKeyPerMerchant() {
        SignatureKey first = manage.ensure("m1");

        assertEquals(first, manage.ensure("m1"));
        // CountingRandomBytes: the first secret is 32 bytes of 0x01
        assertEquals("whsec_" + Base64.getEncoder().encodeToString(filled(1)), manage.reveal(DEVELOPER).reveal());
        assertEquals("whsec_" + Base64.getEncoder().encodeToString(filled(1)),
            secrets.open(first.current(), SignatureKey.secretContext("m1")));
        assertThrows(NotFound.class, () -> manage.reveal(TestCallers.developer("m2")));
        assertThrows(NotPermitted.class, () -> manage.rotate(TestCallers.viewer("m2")));
        assertTrue(keys.ofMerchant("m2").isEmpty());
    }

    @Test
    void aRotatedKeySignsAlongsideTheNewOneFor24Hours() {
        manage.ensure("m1");
        WebhookSecret old = manage.reveal(DEVELOPER);
        clock.advance(Duration.ofDays(10));

        manage.rotate(DEVELOPER);
        WebhookSecret current = manage.reveal(DEVELOPER);

        assertNotEquals(old, current);
        assertEquals(2, manage.keysToSignWith("m1").size());
        clock.advance(Duration.ofHours(24).minusNanos(1));
        assertEquals(2, manage.keysToSignWith("m1").size());
        clock.advance(Duration.ofNanos(1));
        assertEquals(1, manage.keysToSignWith("m1").size());
    }

    @Test
    void administratorsDevelopersAndTheMerchantsActiveApiKeysMayRevealAndEachRevealIsAudited() {
        manage.ensure("m1");

        manage.reveal(Caller.Staff.of("admin", Optional.of(staff("admin", StaffRole.ADMINISTRATOR)), Optional.empty(), "m1"));
        manage.reveal(DEVELOPER);
        manage.reveal(new Caller.ApiClient(apiKey("m1")));

        assertEquals(List.of("signature-key.created", "signature-key.revealed", "signature-key.revealed", "signature-key.revealed"),
            audit.all().stream().map(AuditEntry::action).toList());
        assertEquals("alice", audit.all().get(1).actor());
    }

    @Test
    void viewersDisabledStaffNobodyAndRevokedKeysAreRefusedAndTheRefusalIsAudited() {
        manage.ensure("m1");
        StaffUser disabled = staff("gone", StaffRole.DEVELOPER);
        disabled.disable();
        ApiKey revoked = apiKey("m1");
        revoked.revoke(clock.instant());

        List<Caller> refused = List.of(
            Caller.Staff.of("viewer", Optional.of(staff("viewer", StaffRole.VIEWER)), Optional.empty(), "m1"),
            Caller.Staff.of("gone", Optional.of(disabled), Optional.empty(), "m1"),
            Caller.Staff.of("", Optional.empty(), Optional.empty(), "m1"),
            new Caller.ApiClient(revoked));
        for (Caller caller : refused) {
            NotPermitted no = assertThrows(NotPermitted.class, () -> manage.reveal(caller), caller.toString());
            assertEquals("forbidden", no.code());
            assertFalse(no.getMessage().contains("whsec_"));
        }

        List<AuditEntry> refusals = audit.all().stream().filter(e -> e.action().equals("signature-key.reveal-refused")).toList();
        assertEquals(4, refusals.size());
        assertTrue(refusals.get(0).detail().contains("viewer"), refusals.get(0).detail());
        assertTrue(audit.all().stream().noneMatch(e -> e.action().equals("signature-key.revealed")));
    }

    @Test
    void aViewerIsRefusedBeforeAnyProofIsAskedAndAMerchantWithoutAKeyIsToldSoFirst() {
        Caller viewer = Caller.Staff.of("viewer", Optional.of(staff("viewer", StaffRole.VIEWER)), Optional.empty(), "m1");
        Caller administrator = Caller.Staff.of("admin", Optional.of(staff("admin", StaffRole.ADMINISTRATOR)), Optional.empty(), "m1");

        assertThrows(NotPermitted.class, () -> manage.requireRevealable(viewer), "refused even before the merchant has a key");
        assertThrows(NotFound.class, () -> manage.requireRevealable(DEVELOPER));
        assertThrows(NotFound.class, () -> manage.requireRevealable(administrator));
        assertTrue(keys.ofMerchant("m1").isEmpty(), "asking makes no key");

        manage.ensure("m1");
        manage.requireRevealable(DEVELOPER);
        manage.requireRevealable(administrator);
        assertThrows(NotPermitted.class, () -> manage.requireRevealable(viewer));
        assertFalse(viewer.mayChange());

        assertEquals(List.of("signature-key.reveal-refused", "signature-key.created", "signature-key.reveal-refused"),
            audit.all().stream().map(AuditEntry::action).toList(), "refusals are audited; the check reveals nothing");
    }

    @Test
    void aViewerGetsNoKeyNoRotationAndNoChangeWhateverItAsks() {
        manage.ensure("m1");
        Caller viewer = Caller.Staff.of("viewer", Optional.of(staff("viewer", StaffRole.VIEWER)), Optional.empty(), "m1");
        SignatureKey before = keys.ofMerchant("m1").orElseThrow();
        SealedSecret current = before.current();

        assertThrows(NotPermitted.class, () -> manage.reveal(viewer));
        assertThrows(NotPermitted.class, () -> manage.rotate(viewer));
        assertThrows(NotPermitted.class, () -> manage.requireMayReveal(viewer));

        assertEquals(current, keys.ofMerchant("m1").orElseThrow().current(), "the viewer's rotation changed nothing");
        assertTrue(audit.all().stream().noneMatch(e -> e.action().equals("signature-key.revealed")
            || e.action().equals("signature-key.rotated")));
    }

    static final Caller DEVELOPER = Caller.Staff.of("alice", Optional.of(staff("alice", StaffRole.DEVELOPER)), Optional.empty(), "m1");

    private static StaffUser staff(String name, StaffRole role) {
        return StaffUser.register("u-" + name, name, "hash", Set.of(role), "m-1", Instant.parse("2026-11-01T00:00:00Z"));
    }

    private static ApiKey apiKey(String merchantId) {
        return ApiKey.issue("k-" + merchantId, merchantId, "erp", "phk_" + "a".repeat(40), new SealedSecret("sealed"),
            Instant.parse("2026-11-01T00:00:00Z"));
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
