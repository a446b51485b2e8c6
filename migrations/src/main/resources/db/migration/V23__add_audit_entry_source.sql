-- Changes through the management API are audited too: say through what each change came.
-- CONSOLE (a staff member), API (an API key; the actor names its label and id) or SYSTEM (Payhooks itself).
-- Every entry before this migration came from the console.
ALTER TABLE audit_entry ADD COLUMN source VARCHAR(16) DEFAULT 'CONSOLE' NOT NULL;
ALTER TABLE audit_entry ADD CONSTRAINT ck_audit_entry_source CHECK (source IN ('CONSOLE', 'API', 'SYSTEM'));
