-- The correlation id that follows one piece of work through the hub: the request that stored a
-- provider notification, the outbound events applying it published, and every delivery attempt
-- of them (the id sent as Payhooks-Correlation-Id). 1-64 characters of A-Z a-z 0-9 . _ : -;
-- NULL for rows stored without one.
ALTER TABLE inbound_notification ADD COLUMN correlation_id VARCHAR(64);
ALTER TABLE outbound_event ADD COLUMN correlation_id VARCHAR(64);
ALTER TABLE delivery_attempt ADD COLUMN correlation_id VARCHAR(64);

-- Staff and the management API look a notification's trail up by its id.
CREATE INDEX ix_inbound_notification_correlation ON inbound_notification (correlation_id);
CREATE INDEX ix_outbound_event_correlation ON outbound_event (correlation_id);
