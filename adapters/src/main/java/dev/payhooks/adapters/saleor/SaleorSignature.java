package dev.payhooks.adapters.saleor;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks {@code Saleor-Signature} against the raw body: a JWS with a
 * detached, unencoded payload ({@code <header>..<signature>}, RS256, {@code "b64": false}),
 * whose signing input is {@code <b64url header> "." <raw body bytes>}; or, for legacy
 * webhooks, the hex HMAC-SHA256 of the body. Nimbus does the RSA verification; the signing
 * input is built here from the bytes Saleor sent, never from a re-encoded string.
 */
public final class SaleorSignature {

    /**
     * What a check came to. {@link #UNKNOWN_KEY} and {@link #INVALID} (a well-formed JWS whose
     * signature does not verify) may mean rotated keys; {@link #MALFORMED} (not a detached RS256
     * JWS with {@code "b64": false} and {@code "crit": ["b64"]}) never does, so it never costs a
     * JWKS refetch.
     */
    public enum Check { VALID, INVALID, UNKNOWN_KEY, MALFORMED }

    private SaleorSignature() {
    }

    /**
     * Whether a signature header is a legacy HMAC: exactly 64 hex digits (HMAC-SHA256). Anything
     * else is taken for a JWS and must verify as one; it never falls back to the HMAC check.
     */
    public static boolean isLegacyHmac(String signature) {
        return signature != null && LEGACY_HMAC.matcher(signature.strip()).matches();
    }

    public static boolean isJws(String signature) {
        return signature != null && !signature.isBlank() && !isLegacyHmac(signature);
    }

    private static final java.util.regex.Pattern LEGACY_HMAC = java.util.regex.Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * Verifies a detached JWS with the keys of the Saleor instance. The signature is checked on
     * every call over the raw body; what does not depend on the body is kept: a header Saleor
     * signs with is parsed and checked once ({@link #KEPT} distinct ones at most), and each RSA key
     * is turned into a verifier once.
     */
    public static Check verifyJws(byte[] body, String signature, JWKSet keys) {
        String[] parts = signature.strip().split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty() || parts[0].isEmpty() || parts[2].isEmpty()) {
            return Check.MALFORMED;
        }
        JWSHeader header = HEADERS.get(parts[0]);
        if (header == null) {
            header = wellFormed(parts[0]);
            if (header == null) {
                return Check.MALFORMED;
            }
            keep(HEADERS, parts[0], header);
        }
        JWK key = header.getKeyID() == null ? singleKey(keys) : keys.getKeyByKeyId(header.getKeyID());
        if (!(key instanceof RSAKey rsa)) {
            return Check.UNKNOWN_KEY;
        }
        byte[] headerBytes = parts[0].getBytes(StandardCharsets.US_ASCII);
        byte[] signingInput = new byte[headerBytes.length + 1 + body.length];
        System.arraycopy(headerBytes, 0, signingInput, 0, headerBytes.length);
        signingInput[headerBytes.length] = '.';
        System.arraycopy(body, 0, signingInput, headerBytes.length + 1, body.length);
        try {
            RSASSAVerifier verifier = VERIFIERS.get(rsa);
            if (verifier == null) {
                verifier = new RSASSAVerifier(rsa.toRSAPublicKey(), Set.of("b64"));
                keep(VERIFIERS, rsa, verifier);
            }
            return verifier.verify(header, signingInput, new Base64URL(parts[2])) ? Check.VALID : Check.INVALID;
        } catch (JOSEException e) {
            return Check.INVALID;
        }
    }

    /** Distinct headers and keys kept; more empty the map and start it again. */
    static final int KEPT = 64;
    private static final Map<String, JWSHeader> HEADERS = new ConcurrentHashMap<>();
    private static final Map<RSAKey, RSASSAVerifier> VERIFIERS = new ConcurrentHashMap<>();

    private static <K, V> void keep(Map<K, V> kept, K key, V value) {
        if (kept.size() >= KEPT) {
            kept.clear();
        }
        kept.put(key, value);
    }

    /** The header when it is a detached RS256 JWS header with {@code "b64": false} and {@code "crit": ["b64"]}, else null. */
    private static JWSHeader wellFormed(String encodedHeader) {
        JWSHeader header;
        try {
            header = JWSHeader.parse(new Base64URL(encodedHeader));
        } catch (ParseException | RuntimeException e) {
            return null;
        }
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || header.isBase64URLEncodePayload()
            || !critIsExactlyB64(encodedHeader)) {
            return null;
        }
        return header;
    }

    /**
     * RFC 7797: an unencoded payload ({@code "b64": false}) must be named critical, so that a
     * verifier that does not understand it refuses. Saleor sends exactly {@code "crit": ["b64"]};
     * the raw header is read because Nimbus keeps {@code crit} as a set (a duplicate would vanish).
     */
    static boolean critIsExactlyB64(String encodedHeader) {
        try {
            jakarta.json.JsonObject json = dev.payhooks.adapters.api.Jsonp.JSON.createReader(
                new java.io.StringReader(new Base64URL(encodedHeader).decodeToString())).readObject();
            jakarta.json.JsonValue crit = json.get("crit");
            return crit instanceof jakarta.json.JsonArray array && array.size() == 1
                && array.get(0) instanceof jakarta.json.JsonString name && "b64".equals(name.getString());
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static JWK singleKey(JWKSet keys) {
        return keys.getKeys().size() == 1 ? keys.getKeys().get(0) : null;
    }

    /** Legacy: hex HMAC-SHA256 of the body, compared in constant time. */
    public static boolean verifyHmac(byte[] body, String signature, String secret) {
        if (signature == null || secret == null || secret.isEmpty()) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal(body);
            byte[] given;
            try {
                given = HexFormat.of().parseHex(signature.strip().toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException notHex) {
                return false;
            }
            return MessageDigest.isEqual(expected, given);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
