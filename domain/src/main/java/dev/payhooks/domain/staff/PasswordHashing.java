package dev.payhooks.domain.staff;

/**
 * One-way hashing of staff passwords. The stored form carries its own algorithm, salt and
 * cost, so hashes made with older parameters keep verifying after the parameters change.
 */
public interface PasswordHashing {

    /** A new salted hash of the password. */
    String hash(char[] password);

    /** Whether the password matches the stored hash; compares in constant time. */
    boolean verify(char[] password, String storedHash);
}
