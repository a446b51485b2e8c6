package dev.payhooks.app.secrets;

import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.port.Secrets;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AES-256-GCM with a random 96-bit nonce per secret and the context as additional
 * authenticated data. Stored form: {@code v1:<key id>:<base64(nonce ‖ ciphertext ‖ tag)>}.
 * The key id (from the key's hash) lets a later master-key rotation open old values with the
 * previous key.
 */
public final class AesGcmSecrets implements Secrets {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** @param current the master key (32 bytes); @param previous keys that may still open old values */
    public AesGcmSecrets(byte[] current, byte[]... previous) {
        this.currentKeyId = register(current);
        for (byte[] key : previous) {
            register(key);
        }
    }

    private String register(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("a master key has exactly 32 bytes (256 bits)");
        }
        String id = keyId(key);
        keys.put(id, new SecretKeySpec(key.clone(), "AES"));
        return id;
    }

    /** First 8 hex characters of SHA-256("payhooks-master-key" ‖ key): names a key without revealing it. */
    static String keyId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("payhooks-master-key".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(key)).substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SealedSecret seal(String plaintext, String context) {
        if (plaintext == null) {
            throw new IllegalArgumentException("nothing to seal");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return new SealedSecret(VERSION + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(stored));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java platform", e);
        }
    }

    @Override
    public String open(SealedSecret sealed, String context) {
        String[] parts = sealed.value().split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("not a sealed secret of this application");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("secret sealed with master key " + parts[1]
                + ", which is not configured (PAYHOOKS_MASTER_KEY changed?)");
        }
        byte[] stored;
        try {
            stored = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed secret is damaged");
        }
        if (stored.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("sealed secret is damaged");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(stored, NONCE_BYTES)));
            cipher.updateAAD(aad(context));
            byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("sealed secret does not open: altered, or stored for another context");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java platform", e);
        }
    }

    private static byte[] aad(String context) {
        return ("payhooks:" + context).getBytes(StandardCharsets.UTF_8);
    }
}
