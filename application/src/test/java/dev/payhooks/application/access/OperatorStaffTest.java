package dev.payhooks.application.access;

import dev.payhooks.application.merchants.ManageMerchants;
import dev.payhooks.application.staff.ManageStaff;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotPermitted;
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

/**
 * Operator staff and staff of one merchant, as the handlers decide: whom each acts for whatever the
 * session asks, who manages merchants (and with which second factor), and whose staff each manages.
 */
class OperatorStaffTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final ManageStaff.Membership OWN = ManageStaff.Membership.callersMerchant();

    final SteppingClock clock = new SteppingClock(T0);
    final InMemoryStaffUsers users = new InMemoryStaffUsers();
    final InMemoryMerchants merchants = new InMemoryMerchants();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final StaffCallers callers = new StaffCallers(users, merchants);
    final SequentialIds ids = new SequentialIds();
    final ManageMerchants manageMerchants = new ManageMerchants(merchants, null, ids, clock,
        audit.recorder(() -> Actor.staff("ops"), clock));
    final ManageStaff manageStaff = new ManageStaff(users, merchants, new FakePasswordHashing(), ids,
        audit.recorder(() -> Actor.staff("someone"), clock), clock);

    OperatorStaffTest() {
        merchants.add(Merchant.register("m-1", "Installation", "7qwnw4j2kmqvrb3", T0));
        merchants.add(Merchant.register("m-2", "Second shop", "8qwnw4j2kmqvrb3", T0.plusSeconds(1)));
        users.add(withFactor(StaffUser.registerOperator("u-ops", "ops", "hash", Set.of(StaffRole.ADMINISTRATOR), T0)));
        users.add(withFactor(StaffUser.register("u-shop", "shopadmin", "hash", Set.of(StaffRole.ADMINISTRATOR), "m-2", T0)));
        users.add(withFactor(StaffUser.register("u-inst", "instdev", "hash", Set.of(StaffRole.DEVELOPER), "m-1", T0)));
        clock.advance(Duration.ofMinutes(5));
    }

    static StaffUser withFactor(StaffUser user) {
        user.enableSecondFactor(new SealedSecret("sealed"), 1L, List.of(), T0);
        return user;
    }

    /** The caller as the console builds it, with a second factor passed a minute ago and the session's chosen merchant. */
    Caller.Staff session(String username, String asked) {
        return callers.staff(username, Optional.of(clock.instant().minusSeconds(60)), Optional.ofNullable(asked));
    }

    @Test
    void aDisabledMerchantsStaffLoseEveryRightAtOnceAndOperatorsStillActForIt() {
        assertTrue(session("shopadmin", null).enabled());
        Merchant second = merchants.byId("m-2").orElseThrow();
        second.disable(clock.instant());
        merchants.update(second);

        Caller.Staff shopAdmin = session("shopadmin", null);
        assertFalse(shopAdmin.enabled(), "no rights while the merchant is disabled");
        assertThrows(NotPermitted.class, shopAdmin::requireMayChange);
        assertTrue(session("instdev", null).enabled(), "another merchant's staff keep theirs");
        Caller.Staff operator = session("ops", "m-2");
        assertEquals("m-2", operator.merchantId());
        assertTrue(operator.enabled(), "an operator may still look after the disabled merchant");

        second.enable();
        merchants.update(second);
        assertTrue(session("shopadmin", null).enabled(), "enabled again: the staff's rights come back");
    }

    @Test
    void merchantStaffActForTheirOwnMerchantWhateverTheSessionAsks() {
        assertEquals("m-2", session("shopadmin", "m-1").merchantId());
        assertEquals("m-2", session("shopadmin", null).merchantId());
        assertEquals("m-1", session("instdev", "m-2").merchantId());
        assertFalse(session("shopadmin", "m-1").operator());
        assertTrue(manageMerchants.actingChoices(session("shopadmin", "m-1")).isEmpty());
    }

    @Test
    void anOperatorActsForTheMerchantTheSessionAsksIfItExistsOtherwiseTheInstallations() {
        assertEquals("m-2", session("ops", "m-2").merchantId());
        assertEquals("m-1", session("ops", "m-1").merchantId());
        assertEquals("m-1", session("ops", "no-such-merchant").merchantId());
        assertEquals("m-1", session("ops", null).merchantId());
        assertEquals(List.of("m-1", "m-2"),
            manageMerchants.actingChoices(session("ops", null)).stream().map(Merchant::id).toList());
    }

    @Test
    void merchantStaffCannotManageMerchantsEvenAnAdministrator() {
        for (Caller.Staff caller : List.of(session("shopadmin", "m-1"), session("instdev", "m-1"))) {
            for (Executable attempt : merchantActions(caller)) {
                assertThrows(NotPermitted.class, attempt, caller.username());
            }
        }
        assertEquals(Optional.of("shopadmin belongs to one merchant and is no operator"),
            session("shopadmin", null).refusalToOperate());
        assertEquals(2, merchants.count());
    }

    @Test
    void anOperatorManagesMerchantsWithTheSecondFactorPassedInTheSession() {
        Caller.Staff ops = session("ops", "m-2");
        Merchant third = manageMerchants.create(ops, "Third shop");
        assertEquals(3, manageMerchants.list(ops).size());
        manageMerchants.disable(ops, third.id());
        assertFalse(merchants.byId(third.id()).orElseThrow().enabled());
        manageMerchants.enable(ops, third.id());
        assertEquals(List.of("merchant.created", "merchant.disabled", "merchant.enabled"),
            audit.all().stream().filter(e -> e.merchantId().equals(third.id())).map(AuditEntry::action).toList());
        assertEquals("ops", audit.all().get(0).actor());

        Caller.Staff passwordOnly = callers.staff("ops", Optional.empty(), Optional.of("m-2"));
        assertEquals("m-2", passwordOnly.merchantId(), "looking at a merchant needs no second factor");
        assertEquals(Optional.of("the second factor of ops was not passed in this session"), passwordOnly.refusalToOperate());
        assertThrows(NotPermitted.class, () -> manageMerchants.create(passwordOnly, "Fourth"));
        assertEquals(3, merchants.count());
    }

    @Test
    void anOperatorWithoutASecondFactorOrWhoMayOnlyLookManagesNoMerchant() {
        users.add(StaffUser.registerOperator("u-new", "newops", "hash", Set.of(StaffRole.ADMINISTRATOR), T0));
        users.add(withFactor(StaffUser.registerOperator("u-look", "lookops", "hash", Set.of(StaffRole.VIEWER), T0)));

        assertEquals(Optional.of("newops has no second factor set up"), session("newops", null).refusalToOperate());
        assertEquals(Optional.of("the role of lookops may only look"), session("lookops", null).refusalToOperate());
        assertEquals("m-2", session("lookops", "m-2").merchantId(), "a viewing operator still looks at any merchant");
        for (String name : List.of("newops", "lookops")) {
            for (Executable attempt : merchantActions(session(name, null))) {
                assertThrows(NotPermitted.class, attempt, name);
            }
        }
    }

    @Test
    void aDisabledOrDemotedOperatorLosesTheirRightsAtOnce() {
        Caller.Staff before = session("ops", "m-2");
        assertTrue(before.operator() && before.refusalToOperate().isEmpty());

        StaffUser ops = users.withUsername("ops").orElseThrow();
        ops.changeRoles(Set.of(StaffRole.VIEWER));
        users.update(ops);
        Caller.Staff demoted = session("ops", "m-2");
        assertThrows(NotPermitted.class, () -> manageMerchants.create(demoted, "Mine"));
        assertFalse(demoted.mayChange());

        ops.changeRoles(Set.of(StaffRole.ADMINISTRATOR));
        ops.disable();
        users.update(ops);
        Caller.Staff disabled = session("ops", "m-2");
        assertFalse(disabled.operator());
        assertEquals("m-1", disabled.merchantId(), "a disabled operator's session no longer reaches the merchant it chose");
        assertTrue(manageMerchants.actingChoices(disabled).isEmpty());
        for (Executable attempt : merchantActions(disabled)) {
            assertThrows(NotPermitted.class, attempt);
        }
    }

    @Test
    void aMerchantsAdministratorSeesAndManagesOnlyTheirOwnMerchantsStaff() {
        Caller.Staff shopAdmin = session("shopadmin", "m-1");
        users.add(withFactor(StaffUser.register("u-clerk", "clerk", "hash", Set.of(StaffRole.VIEWER), "m-2", T0)));

        assertEquals(List.of("clerk", "shopadmin"), manageStaff.list(shopAdmin).stream().map(StaffUser::username).toList());
        manageStaff.changeRole(shopAdmin, "clerk", "DEVELOPER");
        ManageStaff.Issued added = manageStaff.add(shopAdmin, "cashier", "VIEWER", OWN);
        assertEquals(Optional.of("m-2"), users.withUsername(added.username()).orElseThrow().merchantId());

        refused(Reason.NOT_OPERATOR, () -> manageStaff.enable(shopAdmin, "instdev", false));
        refused(Reason.NOT_OPERATOR, () -> manageStaff.reset(shopAdmin, "ops"));
        refused(Reason.NOT_OPERATOR, () -> manageStaff.changeRole(shopAdmin, "instdev", "VIEWER"));
        refused(Reason.NOT_OPERATOR, () -> manageStaff.add(shopAdmin, "spy", "ADMINISTRATOR", ManageStaff.Membership.merchant("m-1")));
        refused(Reason.NOT_OPERATOR, () -> manageStaff.add(shopAdmin, "boss", "ADMINISTRATOR", ManageStaff.Membership.operatorStaff()));
        assertTrue(users.withUsername("instdev").orElseThrow().enabled());
        assertEquals(Set.of(StaffRole.DEVELOPER), users.withUsername("instdev").orElseThrow().roles());
        assertTrue(users.withUsername("spy").isEmpty() && users.withUsername("boss").isEmpty());

        List<AuditEntry> refusals = audit.all().stream().filter(e -> e.action().equals("staff.refused")).toList();
        assertEquals(5, refusals.size());
        assertTrue(refusals.stream().allMatch(e -> e.merchantId().equals("m-2") && e.detail().endsWith(": not operator")),
            refusals.toString());
    }

    @Test
    void anOperatorManagesEveryonesStaffAndAddsOperatorsAndStaffOfAnyMerchant() {
        Caller.Staff ops = session("ops", "m-1");
        assertEquals(List.of("instdev", "ops", "shopadmin"), manageStaff.list(ops).stream().map(StaffUser::username).toList());

        manageStaff.add(ops, "second-ops", "ADMINISTRATOR", ManageStaff.Membership.operatorStaff());
        manageStaff.add(ops, "shopdev", "DEVELOPER", ManageStaff.Membership.merchant("m-2"));
        manageStaff.add(ops, "instviewer", "VIEWER", OWN);
        manageStaff.enable(ops, "shopadmin", false);

        assertTrue(users.withUsername("second-ops").orElseThrow().operator());
        assertEquals(Optional.of("m-2"), users.withUsername("shopdev").orElseThrow().merchantId());
        assertEquals(Optional.of("m-1"), users.withUsername("instviewer").orElseThrow().merchantId());
        assertFalse(users.withUsername("shopadmin").orElseThrow().enabled());
        assertEquals("m-2", audit.all().stream().filter(e -> e.action().equals("staff.disabled")).findFirst().orElseThrow()
            .merchantId(), "a change to a merchant's member is in that merchant's trail");
        assertEquals("role ADMINISTRATOR, operator", audit.all().get(0).detail());

        assertEquals("merchant", assertThrows(InvalidField.class,
            () -> manageStaff.add(ops, "ghost", "VIEWER", ManageStaff.Membership.merchant("no-such-merchant"))).field());
    }

    private List<Executable> merchantActions(Caller caller) {
        return List.of(() -> manageMerchants.list(caller), () -> manageMerchants.get(caller, "m-2"),
            () -> manageMerchants.create(caller, "Mine"), () -> manageMerchants.disable(caller, "m-2"),
            () -> manageMerchants.enable(caller, "m-2"), () -> manageMerchants.issueKey(caller, "m-2", "mine"));
    }

    private void refused(Reason reason, Executable action) {
        StaffActionRefused refused = assertThrows(StaffActionRefused.class, action);
        assertEquals(reason, refused.reason(), refused.getMessage());
    }
}
