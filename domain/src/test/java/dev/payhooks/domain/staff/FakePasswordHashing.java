package dev.payhooks.domain.staff;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cheap, reversible stand-in for the real PBKDF2 hashing, for tests; counts verifications so
 * tests can see that work was done.
 */
public class FakePasswordHashing implements PasswordHashing {

    private final AtomicInteger verifications = new AtomicInteger();

    @Override
    public String hash(char[] password) {
        return "fake$" + new StringBuilder(new String(password)).reverse();
    }

    @Override
    public boolean verify(char[] password, String storedHash) {
        verifications.incrementAndGet();
        return hash(password).equals(storedHash);
    }

    public int verifications() {
        return verifications.get();
    }
}
