package dev.payhooks.application.staff;

import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.staff.FakePasswordHashing;
import dev.payhooks.domain.staff.InMemoryStaffUsers;
import dev.payhooks.domain.staff.StaffActionRefused;
import dev.payhooks.domain.staff.StaffActionRefused.Reason;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import dev.payhooks.application.access.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every staff action needs a fresh-second-factor administrator acting on someone else; each attempt is audited. */
class ManageStaffTest {

    static final ManageStaff.Membership OWN = ManageStaff.Membership.callersMerchant();

    final Instant start = Instant.parse("2026-11-23T10:00:00Z");
    final SteppingClock clock = new SteppingClock(start);
    final InMemoryStaffUsers users = new InMemoryStaffUsers();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final FakePasswordHashing hashing = new FakePasswordHashing();
    final InMemoryMerchants merchants = new InMemoryMerchants();
    String actor = "admin";
    final ManageStaff staff = new ManageStaff(users, merchants, hashing, new SequentialIds(), audit.recorder(() -> Actor.staff(actor), clock), clock);

    ManageStaffTest() {
        merchants.add(Merchant.register("m-1", "Installation", "7qwnw4j2kmqvrb3", start));
        merchants.add(Merchant.register("m-2", "Second shop", "8qwnw4j2kmqvrb3", start.plusSeconds(1)));
        users.add(withFactor(StaffUser.register("u-0", "admin", "hash", Set.of(StaffRole.ADMINISTRATOR), "m-1", start)));
        users.add(withFactor(StaffUser.register("u-1", "erin", "hash", Set.of(StaffRole.VIEWER), "m-1", start)));
    }

    StaffUser withFactor(StaffUser user) {
        user.enableSecondFactor(new SealedSecret("sealed"), 1L, List.of(), start);
        return user;
    }

    /** The caller as the console builds it: the staff member as stored now, and their session's mark. */
    Caller.Staff caller(String name, Optional<Instant> verifiedAt) {
        return Caller.Staff.of(name, users.withUsername(name), verifiedAt, "m-1");
    }

    Caller.Staff admin(Instant verifiedAt) {
        return caller("admin", Optional.ofNullable(verifiedAt));
    }

    Caller.Staff fresh() {
        return admin(clock.instant().minus(Duration.ofMinutes(1)));
    }

    StaffActionRefused refused(Reason reason, Executable action) {
        StaffActionRefused refused = assertThrows(StaffActionRefused.class, action);
        assertEquals(reason, refused.reason(), refused.getMessage());
        return refused;
    }

    AuditEntry lastEntry() {
        List<AuditEntry> all = audit.all();
        return all.get(all.size() - 1);
    }

    @Test
    void anAdministratorWithAFreshSecondFactorAddsChangesResetsAndDisablesAndEachIsAudited() {
        ManageStaff.Issued dana = staff.add(fresh(), " Dana ", "developer", OWN);
        assertTrue(hashing.verify(dana.password().toCharArray(), users.withUsername("dana").orElseThrow().passwordHash()));
        staff.changeRole(fresh(), "dana", "VIEWER");
        assertEquals(Set.of(StaffRole.VIEWER), users.withUsername("dana").orElseThrow().roles());
        staff.reset(fresh(), "erin");
        assertTrue(users.withUsername("erin").orElseThrow().secondFactor().isEmpty());
        staff.enable(fresh(), "erin", false);
        assertFalse(users.withUsername("erin").orElseThrow().enabled());

        assertEquals(List.of("staff.added", "staff.role-changed", "staff.reset", "staff.disabled"),
            audit.all().stream().map(AuditEntry::action).toList());
        assertEquals("admin", lastEntry().actor());
        assertEquals("staff user erin", lastEntry().subject());
    }

    @Test
    void aSecondFactorOlderThanFifteenMinutesIsStaleForEveryAction() {
        Caller.Staff verified = admin(start);
        clock.advance(Duration.ofMinutes(15));
        staff.enable(verified, "erin", false); // exactly 15 minutes: still fresh
        clock.advance(Duration.ofSeconds(1));

        refused(Reason.STALE_SECOND_FACTOR, () -> staff.add(verified, "dana", "ADMINISTRATOR", OWN));
        refused(Reason.STALE_SECOND_FACTOR, () -> staff.changeRole(verified, "erin", "ADMINISTRATOR"));
        refused(Reason.STALE_SECOND_FACTOR, () -> staff.reset(verified, "erin"));
        refused(Reason.STALE_SECOND_FACTOR, () -> staff.enable(verified, "erin", true));
        assertTrue(users.withUsername("dana").isEmpty());
        assertEquals(Set.of(StaffRole.VIEWER), users.withUsername("erin").orElseThrow().roles());
        assertFalse(users.withUsername("erin").orElseThrow().enabled());
    }

    @Test
    void aPasswordOnlySessionCannotAddAnAdministrator() {
        refused(Reason.STALE_SECOND_FACTOR, () -> staff.add(admin(null), "mallory", "ADMINISTRATOR", OWN));
        refused(Reason.STALE_SECOND_FACTOR, () -> staff.add(admin(clock.instant().plus(Duration.ofMinutes(5))), "mallory", "ADMINISTRATOR", OWN));
        assertTrue(users.withUsername("mallory").isEmpty());
    }

    @Test
    void anAdministratorWithoutAnEnrolledSecondFactorIsRefused() {
        users.add(StaffUser.register("u-2", "newadmin", "hash", Set.of(StaffRole.ADMINISTRATOR), "m-1", start));
        actor = "newadmin";
        Caller.Staff caller = caller("newadmin", Optional.of(clock.instant()));
        refused(Reason.NO_SECOND_FACTOR, () -> staff.add(caller, "mallory", "ADMINISTRATOR", OWN));
        assertEquals("newadmin", lastEntry().actor());
    }

    @Test
    void noOneResetsTheirOwnFactorOrChangesOrDisablesTheirOwnAccount() {
        refused(Reason.OWN_ACCOUNT, () -> staff.reset(fresh(), "Admin"));
        refused(Reason.OWN_ACCOUNT, () -> staff.changeRole(fresh(), "admin", "VIEWER"));
        refused(Reason.OWN_ACCOUNT, () -> staff.enable(fresh(), "admin", false));
        StaffUser admin = users.withUsername("admin").orElseThrow();
        assertTrue(admin.secondFactor().isPresent());
        assertEquals(Set.of(StaffRole.ADMINISTRATOR), admin.roles());
        assertTrue(admin.enabled());
    }

    @Test
    void aDeveloperOrViewerCannotManageStaffNorRaiseTheirOwnRole() {
        users.add(withFactor(StaffUser.register("u-2", "dev", "hash", Set.of(StaffRole.DEVELOPER), "m-1", start)));
        for (String name : List.of("dev", "erin")) {
            actor = name;
            Caller.Staff caller = caller(name, Optional.of(clock.instant()));
            refused(Reason.NOT_ADMINISTRATOR, () -> staff.changeRole(caller, name, "ADMINISTRATOR"));
            refused(Reason.NOT_ADMINISTRATOR, () -> staff.add(caller, "mallory", "ADMINISTRATOR", OWN));
            refused(Reason.NOT_ADMINISTRATOR, () -> staff.reset(caller, "admin"));
        }
        assertEquals(Set.of(StaffRole.DEVELOPER), users.withUsername("dev").orElseThrow().roles());
        assertTrue(users.withUsername("mallory").isEmpty());
    }

    @Test
    void aDisabledAdministratorIsNoAdministrator() {
        users.add(withFactor(StaffUser.register("u-2", "old", "hash", Set.of(StaffRole.ADMINISTRATOR), "m-1", start)));
        StaffUser old = users.withUsername("old").orElseThrow();
        old.disable();
        users.update(old);
        refused(Reason.NOT_ADMINISTRATOR, () -> staff.add(caller("old", Optional.of(clock.instant())), "mallory", "VIEWER", OWN));
    }

    @Test
    void everyRefusalIsAuditedWithActorTargetAndReason() {
        refused(Reason.STALE_SECOND_FACTOR, () -> staff.add(admin(null), "mallory", "ADMINISTRATOR", OWN));
        refused(Reason.OWN_ACCOUNT, () -> staff.reset(fresh(), "admin"));

        List<AuditEntry> entries = audit.all();
        assertEquals(List.of("staff.refused", "staff.refused"), entries.stream().map(AuditEntry::action).toList());
        assertEquals("admin", entries.get(0).actor());
        assertEquals("staff user mallory", entries.get(0).subject());
        assertEquals("add: stale second factor", entries.get(0).detail());
        assertEquals("staff user admin", entries.get(1).subject());
        assertEquals("reset: own account", entries.get(1).detail());
        assertEquals("m-1", entries.get(0).merchantId());
    }
}
