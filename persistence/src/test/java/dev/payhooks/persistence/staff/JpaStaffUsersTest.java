package dev.payhooks.persistence.staff;

import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.staff.RecoveryCodes;
import dev.payhooks.domain.staff.SecondFactor;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import dev.payhooks.persistence.TestDatabase;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class JpaStaffUsersTest {

    private static final Instant CREATED = Instant.parse("2026-11-23T10:15:30.123456Z");

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storesAndFindsAStaffUserCaseInsensitively(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m-1")) {
            db.run(em -> new JpaStaffUsers(em).add(StaffUser.register("id-1", "Alice",
                "PBKDF2WithHmacSHA512:210000:salt:hash", EnumSet.of(StaffRole.ADMINISTRATOR, StaffRole.DEVELOPER), "m-1", CREATED)));

            StaffUser found = db.query(em -> new JpaStaffUsers(em).withUsername("ALICE").orElseThrow());
            assertEquals("alice", found.username());
            assertEquals(EnumSet.of(StaffRole.ADMINISTRATOR, StaffRole.DEVELOPER), found.roles());
            assertEquals("PBKDF2WithHmacSHA512:210000:salt:hash", found.passwordHash());
            assertEquals(CREATED.truncatedTo(ChronoUnit.MICROS), found.createdAt());
            assertTrue(found.enabled());
            assertEquals(1L, (long) db.query(em -> new JpaStaffUsers(em).count()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void usernamesAreUnique(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m-1")) {
            db.run(em -> new JpaStaffUsers(em).add(StaffUser.register("id-1", "bob", "h", Set.of(StaffRole.VIEWER), "m-1", CREATED)));
            assertThrows(PersistenceException.class, () -> db.run(em ->
                new JpaStaffUsers(em).add(StaffUser.register("id-2", "BOB", "h", Set.of(StaffRole.VIEWER), "m-1", CREATED))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void staleUpdatesAreRefused(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m-1")) {
            db.run(em -> new JpaStaffUsers(em).add(StaffUser.register("id-1", "carol", "h1", Set.of(StaffRole.VIEWER), "m-1", CREATED)));
            StaffUser first = db.query(em -> new JpaStaffUsers(em).withUsername("carol").orElseThrow());
            StaffUser second = db.query(em -> new JpaStaffUsers(em).withUsername("carol").orElseThrow());

            first.disable();
            db.run(em -> new JpaStaffUsers(em).update(first));

            second.changePasswordHash("h2");
            assertThrows(OptimisticLockException.class, () -> db.run(em -> new JpaStaffUsers(em).update(second)));
            StaffUser stored = db.query(em -> new JpaStaffUsers(em).withUsername("carol").orElseThrow());
            assertFalse(stored.enabled());
            assertEquals("h1", stored.passwordHash());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keepsTheSecondFactorWithItsLastStepAndUnusedRecoveryCodes(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m-1")) {
            db.run(em -> new JpaStaffUsers(em).add(StaffUser.register("id-1", "dave", "h", Set.of(StaffRole.DEVELOPER), "m-1", CREATED)));
            StaffUser dave = db.query(em -> new JpaStaffUsers(em).withUsername("dave").orElseThrow());
            assertTrue(dave.secondFactor().isEmpty());
            List<String> codes = List.of("aaaa-bbbb-cccc-dddd", "eeee-ffff-gggg-hhhh");
            dave.enableSecondFactor(new SealedSecret("sealed-key"), 59_000_000L, RecoveryCodes.hashAll(codes), CREATED);
            db.run(em -> new JpaStaffUsers(em).update(dave));

            StaffUser stored = db.query(em -> new JpaStaffUsers(em).withUsername("dave").orElseThrow());
            SecondFactor factor = stored.secondFactor().orElseThrow();
            assertEquals(new SealedSecret("sealed-key"), factor.totpSecret());
            assertEquals(59_000_000L, factor.lastUsedStep());
            assertEquals(RecoveryCodes.hashAll(codes), factor.recoveryCodeHashes());
            assertEquals(CREATED.truncatedTo(ChronoUnit.MICROS), factor.enabledAt());

            assertTrue(stored.acceptRecoveryCode("AAAA-BBBB-CCCC-DDDD"));
            db.run(em -> new JpaStaffUsers(em).update(stored));
            StaffUser after = db.query(em -> new JpaStaffUsers(em).withUsername("dave").orElseThrow());
            assertEquals(RecoveryCodes.hashAll(List.of("eeee-ffff-gggg-hhhh")), after.secondFactor().orElseThrow().recoveryCodeHashes());
            assertFalse(after.acceptRecoveryCode("aaaa-bbbb-cccc-dddd"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void listsEveryoneByUsernameAndAResetDropsTheSecondFactor(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m-1")) {
            db.run(em -> {
                new JpaStaffUsers(em).add(StaffUser.register("id-2", "zoe", "h", Set.of(StaffRole.VIEWER), "m-1", CREATED));
                new JpaStaffUsers(em).add(StaffUser.register("id-1", "erin", "h", Set.of(StaffRole.DEVELOPER), "m-1", CREATED));
            });
            StaffUser erin = db.query(em -> new JpaStaffUsers(em).withUsername("erin").orElseThrow());
            erin.enableSecondFactor(new SealedSecret("sealed-key"), 59_000_000L, RecoveryCodes.hashAll(List.of("a")), CREATED);
            db.run(em -> new JpaStaffUsers(em).update(erin));

            StaffUser reset = db.query(em -> new JpaStaffUsers(em).withUsername("erin").orElseThrow());
            reset.resetCredentials("h2");
            db.run(em -> new JpaStaffUsers(em).update(reset));

            List<StaffUser> all = db.query(em -> new JpaStaffUsers(em).all());
            assertEquals(List.of("erin", "zoe"), all.stream().map(StaffUser::username).toList());
            assertTrue(all.get(0).secondFactor().isEmpty());
            assertEquals("h2", all.get(0).passwordHash());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keepsEachMembersMerchantOrThatTheyAreAnOperator(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m-1", "m-2")) {
            db.run(em -> {
                new JpaStaffUsers(em).add(StaffUser.register("id-1", "shop", "h", Set.of(StaffRole.ADMINISTRATOR), "m-2", CREATED));
                new JpaStaffUsers(em).add(StaffUser.registerOperator("id-2", "ops", "h", Set.of(StaffRole.ADMINISTRATOR), CREATED));
            });

            StaffUser shop = db.query(em -> new JpaStaffUsers(em).withUsername("shop").orElseThrow());
            StaffUser ops = db.query(em -> new JpaStaffUsers(em).withUsername("ops").orElseThrow());
            assertEquals(java.util.Optional.of("m-2"), shop.merchantId());
            assertFalse(shop.operator());
            assertTrue(ops.operator());
            assertTrue(ops.merchantId().isEmpty());
            assertEquals(1L, (long) db.query(em -> ((Number) em.createNativeQuery(
                "select count(*) from staff_user where operator and merchant_id is null").getSingleResult()).longValue()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aMemberBelongsToAnExistingMerchantOrIsAnOperatorNeverBothNorNeither(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m-1")) {
            assertThrows(PersistenceException.class, () -> db.run(em ->
                new JpaStaffUsers(em).add(StaffUser.register("id-1", "lost", "h", Set.of(StaffRole.VIEWER), "no-such-merchant", CREATED))));
            for (String values : List.of("'m-1', TRUE", "NULL, FALSE")) {
                assertThrows(RuntimeException.class, () -> db.execute("insert into staff_user (id, username, password_hash, roles,"
                    + " enabled, created_at, version, merchant_id, operator) values ('id-2', 'odd', 'h', 'VIEWER', TRUE,"
                    + " TIMESTAMP WITH TIME ZONE '2026-11-23 00:00:00+00', 0, " + values + ")"), values);
            }
            assertEquals(0L, db.count("staff_user"));
        }
    }
}
