-- A staff member's TOTP second factor: the sealed authenticator key, the last accepted time
-- step (a code is accepted once), and the SHA-256 hashes of the unused recovery codes
-- (comma-separated, at most 10 x 64 hex). All null until the second factor is enabled.
ALTER TABLE staff_user ADD COLUMN totp_secret VARCHAR(512);
ALTER TABLE staff_user ADD COLUMN totp_last_step BIGINT;
ALTER TABLE staff_user ADD COLUMN recovery_code_hashes VARCHAR(1000);
ALTER TABLE staff_user ADD COLUMN second_factor_enabled_at TIMESTAMP WITH TIME ZONE;
