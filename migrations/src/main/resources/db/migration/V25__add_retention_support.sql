-- Retention: old rows are deleted and personal data in stored provider bodies is redacted in
-- small batches by a scheduled job (docs/RETENTION.md).
--
-- redacted_at: when personal fields in raw_body were replaced by a marker. A redacted body no
-- longer matches the provider's signature, so such a notification is never processed again.
ALTER TABLE inbound_notification ADD COLUMN redacted_at TIMESTAMP WITH TIME ZONE;

-- The redaction job looks for finished notifications not yet redacted, oldest first.
CREATE INDEX ix_inbound_notification_unredacted ON inbound_notification (redacted_at, received_at);
-- Finished deliveries (SUCCEEDED, DEAD) by the time they finished, for deleting their attempts.
CREATE INDEX ix_delivery_finished ON delivery (status, updated_at);
-- Audit entries by age across all merchants.
CREATE INDEX ix_audit_entry_recorded ON audit_entry (recorded_at);
