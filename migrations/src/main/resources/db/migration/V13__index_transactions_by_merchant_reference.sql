-- Provider notifications (Walley Reference, Annanow referenceId) find their payment by the
-- merchant's reference within the merchant and provider.
CREATE INDEX ix_payment_transaction_merchant_ref ON payment_transaction (merchant_id, provider, merchant_reference);
