package dev.payhooks.admin.security;

import dev.payhooks.domain.staff.PasswordHashing;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;

/**
 * Staff passwords hashed with Jakarta Security's PBKDF2 (HMAC-SHA512, 210,000 iterations,
 * 32-byte salt: the OWASP 2023 recommendation for PBKDF2-HMAC-SHA512).
 */
@ApplicationScoped
public class Pbkdf2PasswordHashing implements PasswordHashing {

    static final Map<String, String> PARAMETERS = Map.of(
        "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
        "Pbkdf2PasswordHash.Iterations", "210000",
        "Pbkdf2PasswordHash.SaltSizeBytes", "32",
        "Pbkdf2PasswordHash.KeySizeBytes", "32");

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(PARAMETERS);
    }

    @Override
    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    @Override
    public boolean verify(char[] password, String storedHash) {
        try {
            return pbkdf2.verify(password, storedHash);
        } catch (IllegalArgumentException malformedHash) {
            return false;
        }
    }
}
