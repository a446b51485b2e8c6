package dev.payhooks.domain.staff;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.port.HmacSha1;
import dev.payhooks.domain.port.RandomBytes;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The shared key of a staff member's authenticator app, and the RFC 6238 codes it yields
 * (HMAC-SHA1, 6 digits, 30-second steps: what every authenticator app understands).
 * Its {@code toString} never shows the key.
 */
public final class TotpSecret {

    public static final int KEY_BYTES = 20;
    public static final int DIGITS = 6;
    public static final Duration STEP = Duration.ofSeconds(30);
    /** Steps accepted either side of now: one, for clocks a little apart and codes typed at the turn of a step. */
    public static final int WINDOW = 1;

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final byte[] key;

    private TotpSecret(byte[] key) {
        this.key = key.clone();
    }

    public static TotpSecret generate(RandomBytes random) {
        return new TotpSecret(random.next(KEY_BYTES));
    }

    public static TotpSecret ofKey(byte[] key) {
        if (key == null || key.length < 10) {
            throw new IllegalArgumentException("a TOTP key has at least 80 bits");
        }
        return new TotpSecret(key);
    }

    /** The key as authenticator apps take it (RFC 4648 base32, no padding; spaces and case ignored). */
    public static TotpSecret parse(String base32) {
        String text = base32 == null ? "" : base32.replace(" ", "").replace("=", "").toUpperCase(java.util.Locale.ROOT);
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : text.toCharArray()) {
            int value = c >= 'A' && c <= 'Z' ? c - 'A' : c >= '2' && c <= '7' ? c - '2' + 26 : -1;
            if (value < 0) {
                throw new InvalidField("secret", "is not a base32 key");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        if (out.length < 10) {
            throw new InvalidField("secret", "is not a base32 key");
        }
        return new TotpSecret(out);
    }

    public String base32() {
        StringBuilder text = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : key) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                text.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return text.toString();
    }

    /** The {@code otpauth://} URI an authenticator app scans (Key Uri Format). */
    public String provisioningUri(String issuer, String account) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32() + "&issuer=" + encode(issuer)
            + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
    }

    public static long stepAt(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /** The code of one time step, zero-padded. */
    public String codeAt(long step, HmacSha1 hmac) {
        return code(step, DIGITS, hmac);
    }

    String code(long step, int digits, HmacSha1 hmac) {
        byte[] counter = new byte[8];
        for (int i = 7; i >= 0; i--) {
            counter[i] = (byte) (step & 0xff);
            step >>= 8;
        }
        byte[] hash = hmac.mac(key.clone(), counter);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        int modulo = (int) Math.pow(10, digits);
        return String.format("%0" + digits + "d", binary % modulo);
    }

    /**
     * The step whose code this is, within {@link #WINDOW} steps of {@code now} and later than
     * {@code lastUsedStep}: a code that was accepted once is not accepted again (RFC 6238 §5.2).
     * Every candidate is compared, in constant time, so timing tells nothing about which matched.
     */
    public OptionalLong matchingStep(String code, Instant now, long lastUsedStep, HmacSha1 hmac) {
        String typed = code == null ? "" : code.replace(" ", "");
        if (!typed.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        long matched = Long.MIN_VALUE;
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            boolean same = MessageDigest.isEqual(codeAt(step, hmac).getBytes(), typed.getBytes());
            if (same && step > lastUsedStep && matched == Long.MIN_VALUE) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TotpSecret that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "TotpSecret[…]";
    }
}
