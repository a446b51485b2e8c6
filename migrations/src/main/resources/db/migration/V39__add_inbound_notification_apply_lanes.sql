-- The inbox lane each stored notification is applied in: one payment's notifications share a lane,
-- which one worker of an instance applies oldest received first, while other workers apply the
-- other lanes (dev.payhooks.domain.inbound.ApplyLanes). Set once when the notification is stored,
-- from the payment it is about; rows stored without one are in lane 0.
-- A worker asks for what is due in its lanes: the index leads with the status and the lane and
-- keeps the rows of one lane in the order they are applied.
-- Portable SQL: runs on H2 (2.x) and PostgreSQL.
ALTER TABLE inbound_notification ADD COLUMN apply_lane SMALLINT DEFAULT 0 NOT NULL;
CREATE INDEX ix_inbound_notification_lane ON inbound_notification (status, apply_lane, received_at, id);
