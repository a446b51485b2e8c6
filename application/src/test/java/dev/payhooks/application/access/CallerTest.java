package dev.payhooks.application.access;

import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.staff.InMemoryStaffUsers;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may change and who may administer, as the handlers ask it. */
class CallerTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    final InMemoryStaffUsers users = new InMemoryStaffUsers();
    final InMemoryMerchants merchants = new InMemoryMerchants();
    final StaffCallers callers = new StaffCallers(users, merchants);

    CallerTest() {
        merchants.add(Merchant.register("m-2", "Later", "8qwnw4j2kmqvrb3", T0.plusSeconds(1)));
        merchants.add(Merchant.register("m-1", "Installation", "7qwnw4j2kmqvrb3", T0));
        for (StaffRole role : StaffRole.values()) {
            users.add(StaffUser.register("u-" + role, role.name().toLowerCase(), "hash", Set.of(role), "m-1", T0));
        }
    }

    @Test
    void administratorsAndDevelopersChangeOnlyAdministratorsAdministerViewersLook() {
        Caller.Staff admin = callers.staff("administrator", Optional.empty(), Optional.empty());
        Caller.Staff developer = callers.staff("developer", Optional.empty(), Optional.empty());
        Caller.Staff viewer = callers.staff("viewer", Optional.empty(), Optional.empty());

        assertEquals("m-1", admin.merchantId(), "the console acts for the installation's (oldest) merchant");
        assertTrue(admin.mayChange() && admin.mayAdminister());
        assertTrue(developer.mayChange());
        assertFalse(developer.mayAdminister());
        assertFalse(viewer.mayChange() || viewer.mayAdminister());
        assertEquals("Changing this needs the right to manage the merchant's configuration: the role of viewer may only look",
            assertThrows(NotPermitted.class, viewer::requireMayChange).getMessage());
    }

    @Test
    void aDisabledOrUnknownStaffMemberOrNobodyHasNoRights() {
        StaffUser developer = users.withUsername("developer").orElseThrow();
        developer.disable();
        users.update(developer);

        for (String name : new String[] {"developer", "mallory", ""}) {
            Caller.Staff caller = callers.staff(name, Optional.of(T0), Optional.empty());
            assertFalse(caller.enabled(), name);
            assertFalse(caller.mayChange(), name);
            assertFalse(caller.administrator(), name);
        }
    }

    @Test
    void anActiveApiKeyManagesItsMerchantInFullARevokedOneNothing() {
        ApiKey key = ApiKey.issue("k-1", "m-2", "erp", "phk_" + "a".repeat(40), new SealedSecret("sealed"), T0);
        Caller client = new Caller.ApiClient(key);
        assertEquals("m-2", client.merchantId());
        assertTrue(client.mayChange() && client.mayAdminister());

        key.revoke(T0.plusSeconds(1));
        assertFalse(client.mayChange() || client.mayAdminister());
    }
}
