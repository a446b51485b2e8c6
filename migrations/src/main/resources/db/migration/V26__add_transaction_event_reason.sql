-- The provider's reason for an outcome, as data: its code (e.g. Walley's PAYMENT_METHOD_NO_FUNDS)
-- and a description a person can read. Both empty for outcomes without a reason. The
-- transaction's current reason is the one of its latest event.
ALTER TABLE transaction_event ADD COLUMN reason_code VARCHAR(64);
ALTER TABLE transaction_event ADD COLUMN reason_description VARCHAR(255);
