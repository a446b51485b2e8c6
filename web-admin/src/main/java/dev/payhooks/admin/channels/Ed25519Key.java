package dev.payhooks.admin.channels;

/** The merchant's current Ed25519 public key as the console shows it, and the URL of its JWK Set. */
public record Ed25519Key(String keyId, String publicKey, String jwksUrl) {
}
