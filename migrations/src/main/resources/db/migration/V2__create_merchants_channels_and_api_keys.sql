-- Merchants, their API keys, their channels and each channel's provider configurations.
-- Portable SQL: runs on H2 (2.x) and PostgreSQL. Secrets are stored sealed (AES-GCM), never in clear.
CREATE TABLE merchant (
    id           VARCHAR(36)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    merchant_key VARCHAR(15)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT       NOT NULL,
    CONSTRAINT pk_merchant PRIMARY KEY (id),
    CONSTRAINT uq_merchant_key UNIQUE (merchant_key)
);

CREATE TABLE api_key (
    id             VARCHAR(36)  NOT NULL,
    merchant_id    VARCHAR(36)  NOT NULL,
    label          VARCHAR(100) NOT NULL,
    display_prefix VARCHAR(20)  NOT NULL,
    key_hash       VARCHAR(64)  NOT NULL,
    sealed_key     VARCHAR(400) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    version        BIGINT       NOT NULL,
    CONSTRAINT pk_api_key PRIMARY KEY (id),
    CONSTRAINT uq_api_key_hash UNIQUE (key_hash),
    CONSTRAINT fk_api_key_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id) ON DELETE CASCADE
);
CREATE INDEX ix_api_key_merchant ON api_key (merchant_id);

CREATE TABLE channel (
    id          VARCHAR(36)  NOT NULL,
    merchant_id VARCHAR(36)  NOT NULL,
    slug        VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    currency    VARCHAR(3)   NOT NULL,
    country     VARCHAR(2)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT pk_channel PRIMARY KEY (id),
    CONSTRAINT uq_channel_merchant_slug UNIQUE (merchant_id, slug),
    CONSTRAINT fk_channel_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id) ON DELETE CASCADE
);

-- values: JSON object of plain settings; secrets: JSON object of field -> sealed secret.
CREATE TABLE channel_provider (
    channel_id   VARCHAR(36)    NOT NULL,
    provider     VARCHAR(20)    NOT NULL,
    endpoint_key VARCHAR(64),
    setting_values  VARCHAR(16000) NOT NULL,
    sealed_secrets  VARCHAR(16000) NOT NULL,
    CONSTRAINT pk_channel_provider PRIMARY KEY (channel_id, provider),
    CONSTRAINT uq_channel_provider_endpoint UNIQUE (provider, endpoint_key),
    CONSTRAINT fk_channel_provider_channel FOREIGN KEY (channel_id) REFERENCES channel (id) ON DELETE CASCADE
);
