-- Saleor API URLs an operator assigned to a merchant: Saleor apps installed from such a URL work
-- for that merchant. The URL is the key, so it belongs to one merchant at most. Portable SQL: runs
-- on H2 (2.x) and PostgreSQL.
CREATE TABLE merchant_saleor_api_url (
    api_url     VARCHAR(500) NOT NULL,
    merchant_id VARCHAR(36)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_merchant_saleor_api_url PRIMARY KEY (api_url),
    CONSTRAINT fk_merchant_saleor_api_url_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id) ON DELETE CASCADE
);
CREATE INDEX ix_merchant_saleor_api_url_merchant ON merchant_saleor_api_url (merchant_id);
