-- The hub installed as a provider's Saleor payment app, per Saleor instance (GraphQL API URL).
-- The app token is sealed with the Secrets port; the JWKS is the instance's cached signing keys.
CREATE TABLE saleor_installation (
    api_url      VARCHAR(500)  NOT NULL,
    provider     VARCHAR(20)   NOT NULL,
    merchant_id  VARCHAR(36)   NOT NULL,
    app_id       VARCHAR(255)  NOT NULL,
    sealed_token TEXT          NOT NULL,
    jwks         TEXT          NOT NULL,
    installed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT        NOT NULL,
    CONSTRAINT pk_saleor_installation PRIMARY KEY (api_url, provider),
    CONSTRAINT fk_saleor_installation_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id) ON DELETE CASCADE
);
