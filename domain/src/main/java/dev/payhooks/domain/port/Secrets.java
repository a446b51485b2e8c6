package dev.payhooks.domain.port;

/**
 * Encryption of secrets at rest (provider API keys, passwords, HMAC keys, API keys). A sealed
 * secret is bound to its context (where it is stored), so a ciphertext copied into another
 * column does not open.
 */
public interface Secrets {

    SealedSecret seal(String plaintext, String context);

    /** The plaintext; fails if the sealed value was altered or belongs to another context. */
    String open(SealedSecret sealed, String context);
}
