-- A notification's dedup key was unique per provider across all merchants, so one merchant's
-- notification could be taken for another's resend (provider ids such as Adyen's pspReference
-- are unique only within one provider account) and silently dropped. The key is now unique per
-- provider within the merchant and channel that received it: the channel holds the provider
-- account (its own credentials and notification URL).
--
-- Own NOT NULL columns rather than merchant_id/channel_slug: merchant_id becomes NULL when the
-- merchant is deleted (ON DELETE SET NULL), and a NULL in a unique constraint never collides,
-- so deduplication would silently stop and ON CONFLICT would not fire. '' stands for an absent
-- merchant or channel. The new constraint is finer than the old one, so every existing row fits.
ALTER TABLE inbound_notification ADD COLUMN dedup_merchant_id VARCHAR(36);
ALTER TABLE inbound_notification ADD COLUMN dedup_channel_slug VARCHAR(100);
UPDATE inbound_notification SET dedup_merchant_id = COALESCE(merchant_id, ''), dedup_channel_slug = COALESCE(channel_slug, '');
ALTER TABLE inbound_notification ALTER COLUMN dedup_merchant_id SET NOT NULL;
ALTER TABLE inbound_notification ALTER COLUMN dedup_channel_slug SET NOT NULL;
ALTER TABLE inbound_notification DROP CONSTRAINT uq_inbound_notification_key;
ALTER TABLE inbound_notification ADD CONSTRAINT uq_inbound_notification_scoped_key
    UNIQUE (provider, dedup_merchant_id, dedup_channel_slug, dedup_key);
