-- Subscriptions may sign with the merchant's Ed25519 key pair (Standard Webhooks v1a), which
-- like the Signature Key names no API key.
ALTER TABLE webhook_subscription DROP CONSTRAINT ck_webhook_subscription_signature;
ALTER TABLE webhook_subscription ADD CONSTRAINT ck_webhook_subscription_signature CHECK (
       (signature_type IN ('NONE', 'SIGNATURE_KEY', 'ED25519') AND signature_api_key_id IS NULL)
    OR (signature_type = 'SOURCE_KEY' AND signature_api_key_id IS NOT NULL));

-- The merchant's Ed25519 key pair: the key id (RFC 7638 thumbprint), the raw public key in
-- base64url (the JWK's x) and the sealed PKCS#8 private key. After a rotation the previous pair
-- keeps signing and stays published until rotated_at + 24 h; the domain decides, the row only
-- remembers.
CREATE TABLE ed25519_signing_key (
    merchant_id          VARCHAR(36)  NOT NULL,
    current_key_id       VARCHAR(64)  NOT NULL,
    current_public_key   VARCHAR(64)  NOT NULL,
    current_private_key  VARCHAR(400) NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    previous_key_id      VARCHAR(64),
    previous_public_key  VARCHAR(64),
    previous_private_key VARCHAR(400),
    rotated_at           TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    CONSTRAINT pk_ed25519_signing_key PRIMARY KEY (merchant_id),
    CONSTRAINT fk_ed25519_signing_key_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id) ON DELETE CASCADE,
    CONSTRAINT ck_ed25519_signing_key_rotation CHECK (
           (previous_key_id IS NULL AND previous_public_key IS NULL AND previous_private_key IS NULL AND rotated_at IS NULL)
        OR (previous_key_id IS NOT NULL AND previous_public_key IS NOT NULL AND previous_private_key IS NOT NULL
            AND rotated_at IS NOT NULL))
);
