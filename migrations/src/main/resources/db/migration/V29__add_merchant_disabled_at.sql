-- An operator may disable a merchant: its API keys stop working until it is enabled again.
-- NULL: enabled. Portable SQL: runs on H2 (2.x) and PostgreSQL.
ALTER TABLE merchant ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
