package dev.payhooks.domain.staff;

import dev.payhooks.domain.port.RandomBytes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One-time codes that stand in for the authenticator app when it is lost. They are shown once
 * and kept only as SHA-256 hashes: each code carries 80 random bits, so a fast hash is enough
 * (unlike passwords, there is nothing to guess from a dictionary).
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    /** Crockford's base32: no I, L, O, U, so codes read aloud or typed from paper survive. */
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final int CHARACTERS = 16;

    private RecoveryCodes() {
    }

    /** {@link #COUNT} new codes, formatted {@code xxxx-xxxx-xxxx-xxxx}. */
    public static List<String> generate(RandomBytes random) {
        List<String> codes = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            byte[] bytes = random.next(CHARACTERS);
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < CHARACTERS; i++) {
                if (i > 0 && i % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET[bytes[i] & 31]);
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** How a code is stored: the hex SHA-256 of its normalised form. */
    public static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalize(code).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static List<String> hashAll(List<String> codes) {
        return codes.stream().map(RecoveryCodes::hash).toList();
    }

    /** Whether the text has the shape of a recovery code (as opposed to a 6-digit TOTP code). */
    public static boolean looksLikeOne(String text) {
        return normalize(text).length() == CHARACTERS;
    }

    /** Case, dashes and spaces do not matter; the letters Crockford maps to digits are read as those digits. */
    static String normalize(String code) {
        if (code == null) {
            return "";
        }
        return code.toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "")
            .replace('i', '1').replace('l', '1').replace('o', '0');
    }
}
