-- Where a fulfillment came from in Saleor (instance, order), so the shipment reporter can find
-- the channel's provider settings and add the order note after reporting.
CREATE TABLE saleor_fulfillment_order (
    transaction_id  VARCHAR(64)   NOT NULL,
    fulfillment_id  VARCHAR(255)  NOT NULL,
    merchant_id     VARCHAR(36)   NOT NULL,
    api_url         VARCHAR(500)  NOT NULL,
    provider        VARCHAR(20)   NOT NULL,
    order_id        VARCHAR(255)  NOT NULL,
    CONSTRAINT pk_saleor_fulfillment_order PRIMARY KEY (transaction_id, fulfillment_id),
    CONSTRAINT fk_saleor_fulfillment_order_fulfillment FOREIGN KEY (transaction_id, fulfillment_id)
        REFERENCES fulfillment (transaction_id, id) ON DELETE CASCADE
);

-- Order notes to add in Saleor (orderNoteAdd), sent after the webhook was answered. A note that
-- Saleor does not take within the bound is retried a few times, then kept FAILED with the warning.
-- claimed_until: the instance sending the note holds it until then (several instances, one sender).
CREATE TABLE saleor_order_note (
    id          VARCHAR(36)   NOT NULL,
    api_url     VARCHAR(500)  NOT NULL,
    provider    VARCHAR(20)   NOT NULL,
    order_id    VARCHAR(255)  NOT NULL,
    message     VARCHAR(1000) NOT NULL,
    status      VARCHAR(10)   NOT NULL,
    attempts    INTEGER       NOT NULL,
    warning     VARCHAR(1000),
    claimed_until TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_saleor_order_note PRIMARY KEY (id),
    CONSTRAINT ck_saleor_order_note_status CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
);
CREATE INDEX ix_saleor_order_note_pending ON saleor_order_note (status, created_at);
