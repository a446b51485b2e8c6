package dev.payhooks.admin.staff;

import dev.payhooks.admin.ConsoleFixture;
import dev.payhooks.admin.NotAllowed;

import dev.payhooks.domain.staff.FakePasswordHashing;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.staff.InMemoryStaffUsers;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import dev.payhooks.domain.staff.SecondFactorMarks;
import dev.payhooks.domain.staff.StaffActionRefused;
import dev.payhooks.application.merchants.ManageMerchants;
import dev.payhooks.application.staff.ManageStaff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Administrators add, disable and reset staff users; nobody else may; each change is audited without the password. */
class StaffModelTest {

    final ConsoleFixture console = new ConsoleFixture(Instant.parse("2026-11-23T10:00:00Z"));
    final SteppingClock clock = console.clock;
    final InMemoryStaffUsers users = console.users;
    final InMemoryAuditTrail audit = console.audit;
    final FakePasswordHashing hashing = new FakePasswordHashing();
    final StaffModel model = new StaffModel();
    final Map<String, Instant> verified = console.verified;
    final SecondFactorMarks marks = console.marks;

    StaffModelTest() {
        StaffUser admin = StaffUser.register("u-0", "admin", "hash", Set.of(StaffRole.ADMINISTRATOR), "m-1", clock.instant());
        admin.enableSecondFactor(new SealedSecret("sealed"), 1L, List.of(), clock.instant());
        users.add(admin);
        console.sessionOf("admin");
        console.withSignedIn(model);
        model.manageStaff = new ManageStaff(users, console.merchants, hashing, new SequentialIds(), console.recorder, clock);
        model.manageMerchants = new ManageMerchants(console.merchants, null, new SequentialIds(), clock, console.recorder);
        marks.verified("admin", clock.instant());
    }

    @Test
    void onlyAdministratorsSeeTheStaffList() {
        assertTrue(model.mayManageStaff());
        console.signIn("dev", "DEVELOPER");
        assertEquals("Only administrators manage staff users.", assertThrows(NotAllowed.class, () -> model.staff()).getMessage());
    }

    @Test
    void anAdministratorAddsAUserWithARoleAndAPasswordShownOnce() {
        TemporaryPassword made = model.addStaff(" Dana ", "developer", "");

        StaffUser dana = users.withUsername("dana").orElseThrow();
        assertEquals(Set.of(StaffRole.DEVELOPER), dana.roles());
        assertTrue(hashing.verify(made.password().toCharArray(), dana.passwordHash()));
        assertEquals(StaffModel.TEMPORARY_PASSWORD_LENGTH, made.password().length());
        assertFalse(made.toString().contains(made.password()));
        assertEquals(List.of("admin", "dana"), model.staff().stream().map(StaffRow::username).toList());
        assertTrue(model.staff().get(0).you());
        AuditEntry entry = audit.all().get(0);
        assertEquals("staff.added", entry.action());
        assertEquals("role DEVELOPER", entry.detail());
        assertFalse(entry.detail().contains(made.password()));
    }

    @Test
    void badInputNamesTheField() {
        assertEquals("username", assertThrows(InvalidField.class, () -> model.addStaff("", "VIEWER", "")).field());
        assertEquals("username", assertThrows(InvalidField.class, () -> model.addStaff("ADMIN", "VIEWER", "")).field());
        assertEquals("username", assertThrows(InvalidField.class, () -> model.addStaff("no spaces", "VIEWER", "")).field());
        assertEquals("role", assertThrows(InvalidField.class, () -> model.addStaff("erin", "owner", "")).field());
        assertEquals(1, users.count());
        assertTrue(audit.all().isEmpty());
    }

    @Test
    void disablingAndResetting() {
        model.addStaff("erin", "VIEWER", "");
        StaffUser erin = users.withUsername("erin").orElseThrow();
        erin.enableSecondFactor(new SealedSecret("sealed"), 1L, List.of(), clock.instant());

        model.enableStaff("erin", false);
        assertFalse(users.withUsername("erin").orElseThrow().enabled());
        model.enableStaff("erin", true);
        assertTrue(users.withUsername("erin").orElseThrow().enabled());
        TemporaryPassword reset = model.resetStaff("erin");

        StaffUser after = users.withUsername("erin").orElseThrow();
        assertTrue(after.secondFactor().isEmpty(), "a reset removes the second factor");
        assertTrue(hashing.verify(reset.password().toCharArray(), after.passwordHash()));
        assertThrows(StaffActionRefused.class, () -> model.enableStaff("admin", false), "no one locks themselves out");
        assertEquals(List.of("staff.added", "staff.disabled", "staff.enabled", "staff.reset", "staff.refused"),
            audit.all().stream().map(AuditEntry::action).toList());
    }

    @Test
    void developersAndViewersCannotManageStaff() {
        for (String role : List.of("DEVELOPER", "VIEWER")) {
            console.signIn("dev", role);
            assertFalse(model.mayManageStaff());
            assertThrows(NotAllowed.class, () -> model.staff());
            assertThrows(StaffActionRefused.class, () -> model.addStaff("x1", "VIEWER", ""));
            assertThrows(StaffActionRefused.class, () -> model.enableStaff("admin", false));
            assertThrows(StaffActionRefused.class, () -> model.resetStaff("admin"));
        }
        assertEquals(2, users.count(), "only the administrator and the signed-in developer: nothing was added");
    }

    @Test
    void aPasswordOnlyAdministratorCannotAddStaffAndTheRefusalIsAudited() {
        verified.clear();
        StaffActionRefused refused = assertThrows(StaffActionRefused.class, () -> model.addStaff("mallory", "ADMINISTRATOR", ""));
        assertEquals(StaffActionRefused.Reason.STALE_SECOND_FACTOR, refused.reason());

        marks.verified("admin", clock.instant());
        clock.advance(Duration.ofMinutes(16));
        assertThrows(StaffActionRefused.class, () -> model.addStaff("mallory", "ADMINISTRATOR", ""));

        assertTrue(users.withUsername("mallory").isEmpty());
        assertEquals(List.of("staff.refused", "staff.refused"), audit.all().stream().map(AuditEntry::action).toList());
        assertEquals("admin", audit.all().get(0).actor());
        assertEquals("staff user mallory", audit.all().get(0).subject());
    }

    @Test
    void anAdministratorCannotResetTheirOwnSecondFactorOrChangeTheirOwnRole() {
        assertThrows(StaffActionRefused.class, () -> model.resetStaff("admin"));
        assertThrows(StaffActionRefused.class, () -> model.changeStaffRole("admin", "VIEWER"));
        assertTrue(users.withUsername("admin").orElseThrow().secondFactor().isPresent());
        assertEquals(Set.of(StaffRole.ADMINISTRATOR), users.withUsername("admin").orElseThrow().roles());
    }

    @Test
    void staffActionRefusalsDoNotRollBackTheirAuditEntry() throws Exception {
        for (String action : List.of("addStaff", "changeStaffRole", "enableStaff", "resetStaff")) {
            java.lang.reflect.Method method = java.util.Arrays.stream(StaffModel.class.getMethods())
                .filter(m -> m.getName().equals(action)).findFirst().orElseThrow();
            jakarta.transaction.Transactional tx = method.getAnnotation(jakarta.transaction.Transactional.class);
            assertTrue(tx != null && List.of(tx.dontRollbackOn()).contains(StaffActionRefused.class), action);
        }
    }
}
