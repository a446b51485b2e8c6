-- V3 landed beside the merchants table (V2); now tie its rows to their merchant.
ALTER TABLE inbound_notification
    ADD CONSTRAINT fk_inbound_notification_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id) ON DELETE SET NULL;
ALTER TABLE outbound_event
    ADD CONSTRAINT fk_outbound_event_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id) ON DELETE CASCADE;
CREATE INDEX ix_outbound_event_merchant ON outbound_event (merchant_id, created_at);
