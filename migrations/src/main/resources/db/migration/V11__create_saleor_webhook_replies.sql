-- The answer given to each Saleor payment webhook, keyed by what makes two deliveries the same
-- (idempotency key, or transaction + action + amount). The primary key decides which of two
-- concurrent duplicates calls the provider; reply is NULL while the first one is in progress.
CREATE TABLE saleor_webhook_reply (
    scope        VARCHAR(530)  NOT NULL,  -- provider + ' ' + Saleor API URL
    request_key  VARCHAR(255)  NOT NULL,
    reply        TEXT,
    claimed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_saleor_webhook_reply PRIMARY KEY (scope, request_key)
);
