-- Refunds and fulfillments of payment transactions. Portable SQL: runs on H2 (2.2) and PostgreSQL (15).
-- Lengths and checks mirror the domain's own validation (Refund, RefundLine, Fulfillment,
-- TrackingNumber…), so every value the domain accepts can be stored. Amounts are minor units.

CREATE TABLE refund (
    id                 VARCHAR(64)   NOT NULL,  -- RefundId
    transaction_id     VARCHAR(64)   NOT NULL,
    kind               VARCHAR(16)   NOT NULL,
    granted_refund_id  VARCHAR(255),            -- Saleor's; only for GRANTED
    amount             BIGINT        NOT NULL,
    currency           VARCHAR(3)    NOT NULL,
    includes_shipping  BOOLEAN       NOT NULL,
    stage              VARCHAR(20)   NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    provider_reference TEXT,                    -- the domain sets no limit on it
    message            VARCHAR(1000),           -- Refund cuts failure messages to 1000 characters
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT        NOT NULL,
    CONSTRAINT pk_refund PRIMARY KEY (id),
    -- A redelivered Saleor webhook must find the refund it made, not make a second one.
    -- Manual refunds have no granted id, and NULLs do not collide.
    CONSTRAINT uq_refund_granted_refund UNIQUE (transaction_id, granted_refund_id),
    CONSTRAINT fk_refund_transaction FOREIGN KEY (transaction_id) REFERENCES payment_transaction (id) ON DELETE CASCADE,
    CONSTRAINT ck_refund_kind CHECK ((kind = 'MANUAL' AND granted_refund_id IS NULL)
                                  OR (kind = 'GRANTED' AND granted_refund_id IS NOT NULL)),
    CONSTRAINT ck_refund_amount CHECK (amount > 0),
    CONSTRAINT ck_refund_stage CHECK (stage IN ('BEFORE_SHIPMENT', 'AFTER_SHIPMENT')),
    CONSTRAINT ck_refund_status CHECK (status IN ('REQUESTED', 'SUCCEEDED', 'FAILED'))
);
CREATE INDEX ix_refund_transaction ON refund (transaction_id, requested_at);

CREATE TABLE refund_line (
    refund_id     VARCHAR(64)  NOT NULL,
    position      INTEGER      NOT NULL,
    line_id       VARCHAR(255) NOT NULL,
    order_line_id VARCHAR(255) NOT NULL,
    quantity      INTEGER      NOT NULL,
    amount        BIGINT,                  -- in the refund's currency, when known
    CONSTRAINT pk_refund_line PRIMARY KEY (refund_id, position),
    CONSTRAINT uq_refund_line_line UNIQUE (refund_id, line_id),
    CONSTRAINT fk_refund_line_refund FOREIGN KEY (refund_id) REFERENCES refund (id) ON DELETE CASCADE,
    CONSTRAINT ck_refund_line_quantity CHECK (quantity >= 1),
    CONSTRAINT ck_refund_line_amount CHECK (amount IS NULL OR amount > 0)
);

-- Keyed by transaction too: the id is Saleor's, and each merchant's Saleor numbers its fulfillments from 1.
CREATE TABLE fulfillment (
    transaction_id  VARCHAR(64)   NOT NULL,
    id              VARCHAR(255)  NOT NULL,  -- FulfillmentId
    tracking_number VARCHAR(50)   NOT NULL,  -- TrackingNumber.MAX_LENGTH
    carrier_code    VARCHAR(32),
    report_status   VARCHAR(16)   NOT NULL,
    message         VARCHAR(1000),           -- Fulfillment cuts failure messages to 1000 characters
    report_attempts INTEGER       NOT NULL,
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT pk_fulfillment PRIMARY KEY (transaction_id, id),
    CONSTRAINT fk_fulfillment_transaction FOREIGN KEY (transaction_id) REFERENCES payment_transaction (id) ON DELETE CASCADE,
    CONSTRAINT ck_fulfillment_report_status CHECK (report_status IN ('PENDING', 'REPORTED', 'FAILED')),
    CONSTRAINT ck_fulfillment_report_attempts CHECK (report_attempts >= 0)
);

-- The shipment reporter reads PENDING and FAILED fulfillments, first recorded first.
CREATE INDEX ix_fulfillment_awaiting_report ON fulfillment (report_status, created_at);
