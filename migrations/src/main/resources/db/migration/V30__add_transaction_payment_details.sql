-- What the provider told about a payment beyond its amounts (Annanow), as JSON text:
--   payment_details  {"method": {"brand", "maskedNumber", "expiry", "wallet"},
--                     "lineItems": [{"name", "price" (minor units), "quantity", "sku", "vatRate"}]}
--   contact_details  {"firstname": …, "delivery_street": …}: the customer's contact, personal data.
-- The contact has a column of its own so that retention can remove it (set it NULL) after the
-- redaction age without touching the rest (docs/RETENTION.md). Both NULL when nothing was told.
ALTER TABLE payment_transaction ADD COLUMN payment_details TEXT;
ALTER TABLE payment_transaction ADD COLUMN contact_details TEXT;

-- Retention finds transactions whose contact is due by how long they have not changed.
CREATE INDEX ix_payment_transaction_updated ON payment_transaction (updated_at);
