-- Four-eyes, per merchant: above how many deliveries a bulk replay waits for a second staff
-- member's approval (NULL: off), and the approval requests such replays make. A request keeps the
-- replay's filter, so that the approval runs what was asked. Decided once: the version column is
-- the optimistic lock two approvals at once meet. Portable SQL: runs on H2 (2.x) and PostgreSQL.
ALTER TABLE merchant ADD COLUMN bulk_replay_approval_above INTEGER;

CREATE TABLE approval_request (
    id                     VARCHAR(36)              NOT NULL,
    merchant_id            VARCHAR(36)              NOT NULL,
    kind                   VARCHAR(32)              NOT NULL,
    filter_event_type      VARCHAR(100),
    filter_subscription_id VARCHAR(36),
    filter_status          VARCHAR(16),
    filter_from            TIMESTAMP WITH TIME ZONE,
    filter_to              TIMESTAMP WITH TIME ZONE,
    filter_text            VARCHAR(200),
    with_missed            BOOLEAN                  NOT NULL,
    summary                VARCHAR(300)             NOT NULL,
    deliveries             INTEGER                  NOT NULL,
    requested_by           VARCHAR(100)             NOT NULL,
    requested_via          VARCHAR(16)              NOT NULL,
    requested_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    status                 VARCHAR(16)              NOT NULL,
    decided_by             VARCHAR(100),
    decided_at             TIMESTAMP WITH TIME ZONE,
    result                 VARCHAR(300)             NOT NULL,
    version                BIGINT                   NOT NULL,
    CONSTRAINT pk_approval_request PRIMARY KEY (id),
    CONSTRAINT ck_approval_request_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    CONSTRAINT fk_approval_request_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id) ON DELETE CASCADE
);
CREATE INDEX ix_approval_request_merchant_time ON approval_request (merchant_id, requested_at DESC, id DESC);
