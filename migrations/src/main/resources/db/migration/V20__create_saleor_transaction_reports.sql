-- transactionEventReport calls waiting for Saleor: a provider outcome of a Saleor transaction
-- (e.g. Adyen's CAPTURE notification) written in the transaction that records the outcome and
-- sent afterwards. due_at: when the next attempt may start; a sender claims a row by moving
-- due_at to the end of its lease with a conditional UPDATE (one instance wins each row), and
-- after a failed attempt due_at is the next retry time.
CREATE TABLE saleor_transaction_report (
    id                     VARCHAR(36)   NOT NULL,
    api_url                VARCHAR(500)  NOT NULL,
    provider               VARCHAR(20)   NOT NULL,
    saleor_transaction_id  VARCHAR(255)  NOT NULL,
    psp_reference          VARCHAR(255)  NOT NULL,
    event_type             VARCHAR(40)   NOT NULL,
    amount                 VARCHAR(40)   NOT NULL,
    event_time             TIMESTAMP WITH TIME ZONE NOT NULL,
    message                VARCHAR(512),
    status                 VARCHAR(10)   NOT NULL,
    attempts               INTEGER       NOT NULL,
    last_error             VARCHAR(1000),
    due_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_saleor_transaction_report PRIMARY KEY (id),
    CONSTRAINT ck_saleor_transaction_report_status CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
);
CREATE INDEX ix_saleor_transaction_report_due ON saleor_transaction_report (status, due_at);
CREATE INDEX ix_saleor_transaction_report_transaction ON saleor_transaction_report (saleor_transaction_id);
