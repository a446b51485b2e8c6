-- Provider notifications as they arrived, and the outbox of events for merchants' webhooks.
-- Portable SQL: one script runs unchanged on H2 (2.2) and PostgreSQL (15); no per-vendor folders.
--
-- Types chosen for portability (each checked on both databases):
--   BYTEA  the raw body, byte for byte (signatures are checked against the exact bytes).
--          PostgreSQL's binary type, and an alias of BINARY VARYING in H2 2.x (up to 10^9
--          bytes). PostgreSQL has no BINARY VARYING and H2's BLOB would need LOB handling, so
--          BYTEA is the one binary type both accept. The size limit is enforced on the way in (413).
--   TEXT   unbounded text on PostgreSQL, CHARACTER VARYING of maximum length on H2.
-- merchant_id has no foreign key yet: the merchants table lands in a separate change.

CREATE TABLE inbound_notification (
    id                   VARCHAR(36)   NOT NULL,
    provider             VARCHAR(32)   NOT NULL,  -- ProviderId slug
    dedup_key            VARCHAR(200)  NOT NULL,
    merchant_id          VARCHAR(36),             -- absent: unknown merchant account, stored anyway
    channel_slug         VARCHAR(100),
    raw_body             BYTEA         NOT NULL,
    headers              TEXT          NOT NULL,  -- JSON object of lower-case name -> value
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    verification         VARCHAR(16)   NOT NULL,
    verification_failure VARCHAR(500),
    status               VARCHAR(16)   NOT NULL,
    status_reason        VARCHAR(1000),           -- why IGNORED, or the last error when FAILED
    attempts             INTEGER       NOT NULL,
    last_attempt_at      TIMESTAMP WITH TIME ZONE,
    version              BIGINT        NOT NULL,
    CONSTRAINT pk_inbound_notification PRIMARY KEY (id),
    -- Deduplication is decided here, so it holds when instances receive the same retry at once.
    CONSTRAINT uq_inbound_notification_key UNIQUE (provider, dedup_key),
    CONSTRAINT ck_inbound_notification_verification CHECK (verification IN ('VERIFIED', 'FAILED', 'NOT_REQUIRED')),
    CONSTRAINT ck_inbound_notification_status CHECK (status IN ('RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED')),
    CONSTRAINT ck_inbound_notification_attempts CHECK (attempts >= 0)
);

-- The retry loop reads RECEIVED and FAILED notifications, oldest first.
CREATE INDEX ix_inbound_notification_awaiting ON inbound_notification (status, received_at);

CREATE TABLE outbound_event (
    event_id        VARCHAR(64)   NOT NULL,  -- 64 lower-case hex characters
    merchant_id     VARCHAR(36)   NOT NULL,
    event_type      VARCHAR(100)  NOT NULL,
    payload         TEXT          NOT NULL,  -- the JSON document sent to the merchant
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    idempotency_key VARCHAR(255),            -- from the publish API; NULLs do not collide
    source          VARCHAR(200),            -- what caused it, e.g. transaction:<id>
    CONSTRAINT pk_outbound_event PRIMARY KEY (event_id),
    CONSTRAINT uq_outbound_event_idempotency_key UNIQUE (merchant_id, idempotency_key)
);

-- Readers page through the outbox in (created_at, event_id) order.
CREATE INDEX ix_outbound_event_position ON outbound_event (created_at, event_id);
