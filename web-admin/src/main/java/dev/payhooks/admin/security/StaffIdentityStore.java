package dev.payhooks.admin.security;

import dev.payhooks.domain.staff.PasswordHashing;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import dev.payhooks.domain.staff.StaffUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks staff credentials against the staff users in the database. The caller's groups are
 * its roles. Unknown users cost the same hash computation as known ones, so response time does
 * not reveal which usernames exist.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    private final StaffUsers staffUsers;
    private final PasswordHashing hashing;
    private volatile String decoyHash;

    @Inject
    public StaffIdentityStore(StaffUsers staffUsers, PasswordHashing hashing) {
        this.staffUsers = staffUsers;
        this.hashing = hashing;
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential upc)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        char[] password = upc.getPassword().getValue();
        Optional<StaffUser> user = Optional.ofNullable(upc.getCaller())
            .filter(name -> !name.isBlank())
            .flatMap(staffUsers::withUsername);
        if (user.isEmpty()) {
            hashing.verify(password, decoyHash());
            return CredentialValidationResult.INVALID_RESULT;
        }
        StaffUser staff = user.get();
        boolean matches = hashing.verify(password, staff.passwordHash());
        if (!matches || !staff.enabled()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(staff.username(),
            staff.roles().stream().map(StaffRole::name).collect(Collectors.toSet()));
    }

    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = hashing.hash("decoy-password-never-valid".toCharArray());
            decoyHash = hash;
        }
        return hash;
    }
}
