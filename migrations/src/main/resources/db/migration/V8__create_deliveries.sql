-- Deliveries of outbound events to subscriptions, and every attempt. A worker claims due rows
-- (claimed_by/claimed_until, taken with FOR UPDATE SKIP LOCKED) so that several instances
-- never deliver the same row at once; an expired claim is free again after a crash.
CREATE TABLE delivery (
    id                  VARCHAR(36)  NOT NULL,
    event_id            VARCHAR(64)  NOT NULL,
    subscription_id     VARCHAR(36)  NOT NULL,
    merchant_id         VARCHAR(36)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    next_attempt_at     TIMESTAMP WITH TIME ZONE,
    attempts_this_round INTEGER      NOT NULL,
    dead_reason         VARCHAR(500),
    claimed_by          VARCHAR(64),
    claimed_until       TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT pk_delivery PRIMARY KEY (id),
    CONSTRAINT uq_delivery_event_subscription UNIQUE (event_id, subscription_id),
    CONSTRAINT ck_delivery_status CHECK (status IN ('PENDING', 'SUCCEEDED', 'DEAD')),
    CONSTRAINT fk_delivery_event FOREIGN KEY (event_id) REFERENCES outbound_event (event_id) ON DELETE CASCADE,
    CONSTRAINT fk_delivery_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id) ON DELETE CASCADE
);
CREATE INDEX ix_delivery_due ON delivery (status, next_attempt_at);
CREATE INDEX ix_delivery_subscription ON delivery (subscription_id, status);

CREATE TABLE delivery_attempt (
    delivery_id      VARCHAR(36)   NOT NULL,
    attempt_number   INTEGER       NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    latency_ms       BIGINT        NOT NULL,
    http_status      INTEGER,
    error_class      VARCHAR(32),
    response_excerpt VARCHAR(4096),
    success          BOOLEAN       NOT NULL,
    CONSTRAINT pk_delivery_attempt PRIMARY KEY (delivery_id, attempt_number),
    CONSTRAINT fk_delivery_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES delivery (id) ON DELETE CASCADE
);
