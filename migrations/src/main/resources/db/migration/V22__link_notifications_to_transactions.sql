-- The admin console's event log shows provider notifications beside outbound events.
-- transaction_id: the transaction a notification's last processing attempt applied it to (or
-- found it already recorded on, or was refused by); no foreign key, as a notification outlives
-- nothing it points at and transactions are never deleted.
ALTER TABLE inbound_notification ADD COLUMN transaction_id VARCHAR(64);

-- The event log pages a merchant's notifications newest first by (received_at, id): keyset, no OFFSET.
CREATE INDEX ix_inbound_notification_merchant ON inbound_notification (merchant_id, received_at, id);
-- Free text on a transaction id finds the notifications that concerned it.
CREATE INDEX ix_inbound_notification_transaction ON inbound_notification (transaction_id);
