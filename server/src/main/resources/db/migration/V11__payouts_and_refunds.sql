-- Payouts of withdrawals and refunds of payments at the provider (R-8.1, R-8.2; docs/payments.md).
-- Portable SQL for H2 (PostgreSQL mode) and PostgreSQL. Amounts are fen (BIGINT).

-- A withdrawal's payout at the provider: one row per withdrawal, so it is sent once. SENDING until the
-- provider has taken the transfer (a crash in between is retried: providers are idempotent by withdrawal),
-- SENT while the provider pays, then PAID or FAILED when its verified callback is applied.
CREATE TABLE payouts (
    withdrawal_id VARCHAR(128) PRIMARY KEY,
    user_id VARCHAR(128) NOT NULL,
    amount_fen BIGINT NOT NULL,
    provider VARCHAR(40) NOT NULL,
    provider_transfer VARCHAR(128),
    status VARCHAR(10) NOT NULL,
    failure_reason VARCHAR(500),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at TIMESTAMP WITH TIME ZONE,
    settled_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT payouts_transfer UNIQUE (provider, provider_transfer),
    CONSTRAINT payouts_status CHECK (status IN ('SENDING', 'SENT', 'PAID', 'FAILED'))
);

-- A payment's refund at the provider: a refunded order's cash, or a payment the engine refused. OWED is set
-- in the transaction that decides it (the order's refund, the payment's failure); REFUNDED once the provider
-- took the refund. The outbox looks for OWED rows through the index.
ALTER TABLE payment_intents ADD COLUMN refund_status VARCHAR(10);
ALTER TABLE payment_intents ADD COLUMN provider_refund VARCHAR(128);
ALTER TABLE payment_intents ADD COLUMN refunded_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX payment_intents_by_refund ON payment_intents (refund_status);

-- The sandbox provider's own books for transfers (payouts) and refunds.
CREATE TABLE sandbox_transfers (
    transfer_id VARCHAR(128) PRIMARY KEY,
    withdrawal_id VARCHAR(128) NOT NULL,
    user_id VARCHAR(128) NOT NULL,
    amount_fen BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sandbox_transfers_withdrawal UNIQUE (withdrawal_id)
);

CREATE TABLE sandbox_refunds (
    refund_id VARCHAR(128) PRIMARY KEY,
    transaction_id VARCHAR(128) NOT NULL,
    amount_fen BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
