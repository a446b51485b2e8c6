package dev.payhooks.app.wiring;

import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.port.RandomUuids;

import java.security.SecureRandom;

/** UUIDs ({@link RandomUuids}) and tokens from {@link SecureRandom}. */
final class SecureIds implements IdGenerator {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private final SecureRandom random = new SecureRandom();

    @Override
    public String newId() {
        return RandomUuids.next().toString();
    }

    @Override
    public String randomToken(int length) {
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }
}
