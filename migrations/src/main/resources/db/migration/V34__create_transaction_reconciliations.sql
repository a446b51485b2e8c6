-- Reconciliation of transactions whose outcome stayed open (a payment attempt pending or waiting
-- for the customer, a capture, cancel or refund requested and never confirmed): one row per
-- transaction at most (docs/RECONCILIATION.md). state: CHECKING (asked about at next_check_at),
-- NEEDS_ATTENTION (flagged for staff after the last attempt, with the reason), SETTLED (the
-- outcome is known), RESOLVED (staff took care of it). A checker claims a row by moving
-- next_check_at to the end of its lease with a conditional UPDATE (one instance wins each row).
-- Portable SQL: runs on H2 (2.x) and PostgreSQL.
CREATE TABLE transaction_reconciliation (
    transaction_id   VARCHAR(64)  NOT NULL,
    merchant_id      VARCHAR(36)  NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    attempts         INTEGER      NOT NULL,
    next_check_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_checked_at  TIMESTAMP WITH TIME ZONE,
    last_result      VARCHAR(500),
    reason           VARCHAR(500),
    resolved_by      VARCHAR(500),
    opened_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_transaction_reconciliation PRIMARY KEY (transaction_id),
    CONSTRAINT fk_transaction_reconciliation_transaction FOREIGN KEY (transaction_id)
        REFERENCES payment_transaction (id) ON DELETE CASCADE,
    CONSTRAINT ck_transaction_reconciliation_state
        CHECK (state IN ('CHECKING', 'NEEDS_ATTENTION', 'SETTLED', 'RESOLVED'))
);
-- due checks across merchants; a merchant's flagged transactions (list filter, dashboard count)
CREATE INDEX ix_transaction_reconciliation_due ON transaction_reconciliation (state, next_check_at);
CREATE INDEX ix_transaction_reconciliation_merchant ON transaction_reconciliation (merchant_id, state);
-- open transactions by last change, for starting reconciliations
CREATE INDEX ix_payment_transaction_status_updated ON payment_transaction (status, updated_at);
