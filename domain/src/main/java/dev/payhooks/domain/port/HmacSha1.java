package dev.payhooks.domain.port;

/**
 * HMAC-SHA1 (RFC 2104), which TOTP codes (RFC 6238) are made of. A port because the domain
 * uses no cryptography API itself; the application implements it with the JDK's {@code Mac}.
 */
@FunctionalInterface
public interface HmacSha1 {

    byte[] mac(byte[] key, byte[] message);
}
