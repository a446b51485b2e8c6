package dev.payhooks.admin.security;

import dev.payhooks.domain.staff.FakePasswordHashing;
import dev.payhooks.domain.staff.InMemoryStaffUsers;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import jakarta.security.enterprise.credential.CallerOnlyCredential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.INVALID;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.NOT_VALIDATED;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StaffIdentityStoreTest {

    final FakePasswordHashing hashing = new FakePasswordHashing();
    final InMemoryStaffUsers users = new InMemoryStaffUsers();
    final StaffIdentityStore store = new StaffIdentityStore(users, hashing);

    StaffUser addUser(String name, String password, StaffRole... roles) {
        StaffUser user = StaffUser.register("id-" + name, name, hashing.hash(password.toCharArray()),
            Set.of(roles), "m-1", Instant.parse("2026-11-23T10:00:00Z"));
        users.add(user);
        return user;
    }

    @Test
    void rightPasswordGivesTheCallerAndRolesAsGroups() {
        addUser("alice", "correct horse", StaffRole.ADMINISTRATOR, StaffRole.DEVELOPER);

        CredentialValidationResult result = store.validate(new UsernamePasswordCredential("Alice", "correct horse"));

        assertEquals(VALID, result.getStatus());
        assertEquals("alice", result.getCallerPrincipal().getName());
        assertEquals(Set.of("ADMINISTRATOR", "DEVELOPER"), result.getCallerGroups());
    }

    @Test
    void wrongPasswordIsInvalid() {
        addUser("alice", "correct horse", StaffRole.VIEWER);

        assertEquals(INVALID, store.validate(new UsernamePasswordCredential("alice", "battery staple")).getStatus());
    }

    @Test
    void unknownUserIsInvalidAndStillCostsAHashVerification() {
        CredentialValidationResult result = store.validate(new UsernamePasswordCredential("mallory", "anything"));

        assertEquals(INVALID, result.getStatus());
        assertEquals(1, hashing.verifications());
    }

    @Test
    void disabledUserIsInvalidEvenWithTheRightPassword() {
        StaffUser bob = addUser("bob", "s3cret-pass", StaffRole.DEVELOPER);
        bob.disable();
        users.update(bob);

        assertEquals(INVALID, store.validate(new UsernamePasswordCredential("bob", "s3cret-pass")).getStatus());
    }

    @Test
    void blankUsernameIsInvalid() {
        assertEquals(INVALID, store.validate(new UsernamePasswordCredential(" ", "x")).getStatus());
    }

    @Test
    void otherCredentialTypesAreNotMine() {
        assertEquals(NOT_VALIDATED, store.validate(new CallerOnlyCredential("alice")).getStatus());
    }
}
