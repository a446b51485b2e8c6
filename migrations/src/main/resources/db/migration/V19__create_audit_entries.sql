-- The audit trail: one row per configuration change made in the admin console (webhooks,
-- secrets, channel settings, API keys, staff), written in the same transaction as the change.
-- Names fields, never secret values. Append-only; read newest first per merchant.
CREATE TABLE audit_entry (
    id          VARCHAR(36)              NOT NULL,
    merchant_id VARCHAR(36)              NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(100)             NOT NULL,
    action      VARCHAR(64)              NOT NULL,
    subject     VARCHAR(300)             NOT NULL,
    detail      VARCHAR(1000)            NOT NULL,
    CONSTRAINT pk_audit_entry PRIMARY KEY (id),
    CONSTRAINT fk_audit_entry_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id) ON DELETE CASCADE
);
CREATE INDEX ix_audit_entry_merchant_time ON audit_entry (merchant_id, recorded_at DESC, id DESC);
