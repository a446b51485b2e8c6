-- A transactionEventReport names the merchant and hub transaction it reports on, and a FAILED one
-- says why (docs/RECONCILIATION.md): REFUSED (Saleor answered with errors, never sent again),
-- UNDELIVERED (not taken within the sender's retries: the reconciliation sends it again at
-- due_at), FLAGGED (the reconciliation's tries failed too: its transaction was flagged for staff).
-- redeliveries: how often the reconciliation sent it again.
-- Portable SQL: runs on H2 (2.x) and PostgreSQL.
ALTER TABLE saleor_transaction_report ADD COLUMN merchant_id VARCHAR(36);
ALTER TABLE saleor_transaction_report ADD COLUMN transaction_id VARCHAR(64);
ALTER TABLE saleor_transaction_report ADD COLUMN failure VARCHAR(12);
ALTER TABLE saleor_transaction_report ADD COLUMN redeliveries INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE saleor_transaction_report ADD CONSTRAINT ck_saleor_transaction_report_failure
    CHECK (failure IN ('REFUSED', 'UNDELIVERED', 'FLAGGED'));

-- Reports stored before: one FAILED after all ten attempts was given up undelivered (a refusal at
-- exactly the tenth attempt is counted so too, and is refused again when sent again); any
-- other FAILED one was refused.
UPDATE saleor_transaction_report SET failure = CASE WHEN attempts >= 10 THEN 'UNDELIVERED' ELSE 'REFUSED' END
    WHERE status = 'FAILED';
-- ...and the installation's merchant, and that merchant's one transaction of the provider whose
-- merchant reference is the Saleor transaction id. A report whose installation is gone, or whose
-- transaction is ambiguous, names neither and is not sent again.
UPDATE saleor_transaction_report SET merchant_id = (SELECT i.merchant_id FROM saleor_installation i
        WHERE i.api_url = saleor_transaction_report.api_url AND i.provider = saleor_transaction_report.provider)
    WHERE failure = 'UNDELIVERED';
UPDATE saleor_transaction_report SET transaction_id = (SELECT MIN(t.id) FROM payment_transaction t
        WHERE t.merchant_id = saleor_transaction_report.merchant_id AND t.provider = saleor_transaction_report.provider
          AND t.merchant_reference = saleor_transaction_report.saleor_transaction_id
        HAVING COUNT(*) = 1)
    WHERE merchant_id IS NOT NULL;
UPDATE saleor_transaction_report SET merchant_id = NULL WHERE transaction_id IS NULL;

-- given-up reports due for the reconciliation
CREATE INDEX ix_saleor_transaction_report_failure ON saleor_transaction_report (failure, due_at);
