-- A transaction's reconciliation is changed by several writers: the instance checking its outcome,
-- the one flagging its transaction for an undelivered Saleor report, staff marking it resolved,
-- the claim of a due one. Each change is stored against the version its writer read and moves the
-- version on; one made from an older read is refused (optimistic locking), so no writer overwrites
-- another's change unseen. Existing rows start at version 0.
-- Portable SQL: runs on H2 (2.x) and PostgreSQL.
ALTER TABLE transaction_reconciliation ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
