-- Payment transactions: current state in columns (lists and filters need no replay), the event
-- history and the history of provider references in child tables. Amounts are minor units.
CREATE TABLE payment_transaction (
    id                    VARCHAR(64)  NOT NULL,
    merchant_id           VARCHAR(36)  NOT NULL,
    channel_slug          VARCHAR(255) NOT NULL,
    provider              VARCHAR(20)  NOT NULL,
    merchant_reference    VARCHAR(255) NOT NULL,
    provider_reference    VARCHAR(255),
    currency              VARCHAR(3)   NOT NULL,
    status                VARCHAR(40)  NOT NULL,
    authorized            BIGINT       NOT NULL,
    charged               BIGINT       NOT NULL,
    refunded              BIGINT       NOT NULL,
    cancelled             BIGINT       NOT NULL,
    charged_back          BIGINT       NOT NULL,
    authorization_pending BIGINT       NOT NULL,
    charge_pending        BIGINT       NOT NULL,
    refund_pending        BIGINT       NOT NULL,
    cancel_pending        BIGINT       NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT       NOT NULL,
    CONSTRAINT pk_payment_transaction PRIMARY KEY (id),
    CONSTRAINT fk_payment_transaction_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id) ON DELETE CASCADE
);
CREATE INDEX ix_payment_transaction_listing ON payment_transaction (merchant_id, created_at, id);
CREATE INDEX ix_payment_transaction_provider_ref ON payment_transaction (provider, provider_reference);

CREATE TABLE transaction_event (
    transaction_id     VARCHAR(64)   NOT NULL,
    sequence_number    INTEGER       NOT NULL,
    operation          VARCHAR(30)   NOT NULL,
    result             VARCHAR(20)   NOT NULL,
    amount             BIGINT        NOT NULL,
    provider_reference VARCHAR(255),
    occurred_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    message            VARCHAR(2000),
    event_key          VARCHAR(255),
    status_after       VARCHAR(40)   NOT NULL,
    CONSTRAINT pk_transaction_event PRIMARY KEY (transaction_id, sequence_number),
    CONSTRAINT uq_transaction_event_key UNIQUE (transaction_id, event_key),
    CONSTRAINT fk_transaction_event_transaction FOREIGN KEY (transaction_id) REFERENCES payment_transaction (id) ON DELETE CASCADE
);

CREATE TABLE transaction_provider_reference (
    transaction_id VARCHAR(64)  NOT NULL,
    position       INTEGER      NOT NULL,
    reference      VARCHAR(255) NOT NULL,
    since          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_transaction_provider_reference PRIMARY KEY (transaction_id, position),
    CONSTRAINT fk_transaction_provider_reference_transaction FOREIGN KEY (transaction_id) REFERENCES payment_transaction (id) ON DELETE CASCADE
);
CREATE INDEX ix_transaction_provider_reference ON transaction_provider_reference (reference);
