-- Merchants' webhook subscriptions and their signature keys. Portable SQL: runs on H2 (2.2) and PostgreSQL (15).
-- Lengths and checks mirror the domain's validation (WebhookSubscription, HookUrl, Authentication,
-- DeliveryOptions, SignatureKey), so every value the domain accepts can be stored. Secrets are sealed.

CREATE TABLE webhook_subscription (
    id                    VARCHAR(36)   NOT NULL,
    merchant_id           VARCHAR(36)   NOT NULL,
    label                 VARCHAR(100)  NOT NULL,
    url                   VARCHAR(2000) NOT NULL,  -- HookUrl.MAX_LENGTH
    auth_type             VARCHAR(8)    NOT NULL,
    auth_username         VARCHAR(100),
    auth_password         VARCHAR(1000),           -- sealed; a 200-character password seals to under 400
    signature_type        VARCHAR(16)   NOT NULL,
    signature_api_key_id  VARCHAR(36),             -- the Source Key; same merchant, checked by the domain
    enabled               BOOLEAN       NOT NULL,
    disabled_reason       VARCHAR(500),
    disabled_at           TIMESTAMP WITH TIME ZONE,
    timeout_seconds       INTEGER       NOT NULL,
    fifo                  BOOLEAN       NOT NULL,
    rate_limit_per_second INTEGER,                 -- NULL: unlimited
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT        NOT NULL,
    CONSTRAINT pk_webhook_subscription PRIMARY KEY (id),
    CONSTRAINT fk_webhook_subscription_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id) ON DELETE CASCADE,
    -- API keys are revoked, never deleted, except with their merchant, whose subscriptions go too.
    -- CASCADE rather than NO ACTION because H2 may delete the merchant's api_key rows before its
    -- subscriptions and would then refuse the merchant's deletion. The domain refuses revoked keys.
    CONSTRAINT fk_webhook_subscription_api_key FOREIGN KEY (signature_api_key_id) REFERENCES api_key (id) ON DELETE CASCADE,
    CONSTRAINT ck_webhook_subscription_auth CHECK (
           (auth_type = 'NONE'  AND auth_username IS NULL     AND auth_password IS NULL)
        OR (auth_type = 'BASIC' AND auth_username IS NOT NULL AND auth_password IS NOT NULL)),
    CONSTRAINT ck_webhook_subscription_signature CHECK (
           (signature_type IN ('NONE', 'SIGNATURE_KEY') AND signature_api_key_id IS NULL)
        OR (signature_type = 'SOURCE_KEY' AND signature_api_key_id IS NOT NULL)),
    CONSTRAINT ck_webhook_subscription_disabled CHECK (
           (enabled = TRUE  AND disabled_reason IS NULL     AND disabled_at IS NULL)
        OR (enabled = FALSE AND disabled_reason IS NOT NULL AND disabled_at IS NOT NULL)),
    CONSTRAINT ck_webhook_subscription_timeout CHECK (timeout_seconds BETWEEN 1 AND 60),
    CONSTRAINT ck_webhook_subscription_rate_limit CHECK (rate_limit_per_second IS NULL OR rate_limit_per_second >= 1)
);
CREATE INDEX ix_webhook_subscription_merchant ON webhook_subscription (merchant_id, created_at);
CREATE INDEX ix_webhook_subscription_api_key ON webhook_subscription (signature_api_key_id);

-- One row per subscribed event type, not a delimited text column: the delivery engine asks
-- "which enabled subscriptions of this merchant listen to this type" for every event, which is
-- an indexed join here and a LIKE over text otherwise; and arrays are not portable (H2 vs PostgreSQL).
CREATE TABLE webhook_subscription_event (
    subscription_id VARCHAR(36)  NOT NULL,
    event_type      VARCHAR(100) NOT NULL,  -- OutboundEvent.MAX_EVENT_TYPE_LENGTH; the catalog is checked by the domain
    CONSTRAINT pk_webhook_subscription_event PRIMARY KEY (subscription_id, event_type),
    CONSTRAINT fk_webhook_subscription_event_subscription FOREIGN KEY (subscription_id)
        REFERENCES webhook_subscription (id) ON DELETE CASCADE
);
CREATE INDEX ix_webhook_subscription_event_type ON webhook_subscription_event (event_type, subscription_id);

-- The merchant's own signing secret ("Signature Key"). After a rotation the previous secret
-- keeps signing until rotated_at + 24 h; the domain decides, the row only remembers.
CREATE TABLE signature_key (
    merchant_id     VARCHAR(36)  NOT NULL,
    current_secret  VARCHAR(400) NOT NULL,  -- sealed whsec_… (32 bytes)
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    previous_secret VARCHAR(400),
    rotated_at      TIMESTAMP WITH TIME ZONE,
    version         BIGINT       NOT NULL,
    CONSTRAINT pk_signature_key PRIMARY KEY (merchant_id),
    CONSTRAINT fk_signature_key_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id) ON DELETE CASCADE,
    CONSTRAINT ck_signature_key_rotation CHECK ((previous_secret IS NULL AND rotated_at IS NULL)
                                             OR (previous_secret IS NOT NULL AND rotated_at IS NOT NULL))
);
