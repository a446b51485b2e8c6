package dev.payhooks.domain.staff;

import dev.payhooks.domain.port.SealedSecret;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A staff member's enabled second factor: the authenticator key (sealed), the last time step
 * whose code was accepted (so a code is good once), and the hashes of the unused recovery codes.
 */
public record SecondFactor(SealedSecret totpSecret, long lastUsedStep, List<String> recoveryCodeHashes, Instant enabledAt) {

    public SecondFactor {
        Objects.requireNonNull(totpSecret, "totpSecret");
        recoveryCodeHashes = List.copyOf(recoveryCodeHashes);
        Objects.requireNonNull(enabledAt, "enabledAt");
    }

    /** The context a staff member's TOTP key is sealed in. */
    public static String secretContext(String staffUserId) {
        return "staff-user/" + staffUserId + "/totp";
    }

    SecondFactor afterStep(long step) {
        return new SecondFactor(totpSecret, step, recoveryCodeHashes, enabledAt);
    }

    /** This factor without the given recovery code, if it is one of the unused ones; compared in constant time. */
    Optional<SecondFactor> withoutRecoveryCode(String code) {
        byte[] presented = RecoveryCodes.hash(code).getBytes();
        int found = -1;
        for (int i = 0; i < recoveryCodeHashes.size(); i++) {
            if (MessageDigest.isEqual(recoveryCodeHashes.get(i).getBytes(), presented) && found < 0) {
                found = i;
            }
        }
        if (found < 0) {
            return Optional.empty();
        }
        List<String> left = new ArrayList<>(recoveryCodeHashes);
        left.remove(found);
        return Optional.of(new SecondFactor(totpSecret, lastUsedStep, left, enabledAt));
    }

    @Override
    public String toString() {
        return "SecondFactor[enabledAt=" + enabledAt + ", recoveryCodesLeft=" + recoveryCodeHashes.size() + "]";
    }
}
