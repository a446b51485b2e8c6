-- Each staff member belongs to exactly one merchant (merchant_id) or is an operator (operator,
-- merchant_id NULL), who may act for any merchant and manage merchants.
-- Existing members belong to the installation's merchant (the oldest one, as the console acted for
-- it alone); existing administrators, who had full control of that single-merchant installation,
-- become operators. Portable SQL: runs on H2 (2.x) and PostgreSQL.
ALTER TABLE staff_user ADD COLUMN merchant_id VARCHAR(36);
ALTER TABLE staff_user ADD COLUMN operator BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE staff_user SET merchant_id = (
    SELECT m.id FROM merchant m ORDER BY m.created_at, m.id FETCH FIRST 1 ROWS ONLY);

-- Administrators, and anyone in an installation without a merchant yet (nobody to belong to;
-- the first start makes the merchant), become operators.
UPDATE staff_user SET operator = TRUE, merchant_id = NULL
 WHERE roles LIKE '%ADMINISTRATOR%' OR merchant_id IS NULL;

ALTER TABLE staff_user ADD CONSTRAINT fk_staff_user_merchant
    FOREIGN KEY (merchant_id) REFERENCES merchant (id);
ALTER TABLE staff_user ADD CONSTRAINT ck_staff_user_merchant_or_operator
    CHECK ((operator AND merchant_id IS NULL) OR (NOT operator AND merchant_id IS NOT NULL));
CREATE INDEX ix_staff_user_merchant ON staff_user (merchant_id);
