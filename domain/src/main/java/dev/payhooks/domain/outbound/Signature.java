package dev.payhooks.domain.outbound;

import dev.payhooks.domain.error.InvalidField;

/**
 * Which key signs a subscription's deliveries: None, Source Key, Signature Key (HMAC: a delivery
 * carries {@code X-Signature} and the Standard Webhooks headers with {@code v1} signatures) or
 * Ed25519 (the Standard Webhooks headers with {@code v1a} signatures only: there is no shared
 * secret for {@code X-Signature}).
 */
public sealed interface Signature permits Signature.None, Signature.SourceKey, Signature.MerchantKey, Signature.PublicKey {

    /** The API spelling: {@code none}, {@code source_key}, {@code signature_key}, {@code ed25519}. */
    String type();

    record None() implements Signature {
        @Override
        public String type() {
            return "none";
        }
    }

    /** One of the merchant's API keys (its plaintext is the HMAC key); it must be the merchant's and active. */
    record SourceKey(String apiKeyId) implements Signature {

        public SourceKey {
            if (apiKeyId == null || apiKeyId.isBlank() || apiKeyId.length() > 36) {
                throw new InvalidField("signature.apiKeyId", "must name one of the merchant's API keys");
            }
        }

        @Override
        public String type() {
            return "source_key";
        }
    }

    /** "Signature Key" in the console and API: the merchant's own {@link SignatureKey}, shared by all its subscriptions. */
    record MerchantKey() implements Signature {
        @Override
        public String type() {
            return "signature_key";
        }
    }

    /** "Ed25519 (public key)": the merchant's {@link AsymmetricSigningKey}, shared by all its subscriptions. */
    record PublicKey() implements Signature {
        @Override
        public String type() {
            return "ed25519";
        }
    }
}
