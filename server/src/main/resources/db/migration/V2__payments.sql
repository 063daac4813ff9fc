-- Payments (R-8.2, docs/payments.md). Portable SQL: the same file runs on H2 (PostgreSQL mode) and
-- PostgreSQL. Amounts are fen (BIGINT), never floating point.

-- A payment the platform asked a provider for. Not engine state: the engine's PayOrder is journaled only
-- when the provider's verified callback arrives, and this row's status changes in that same transaction.
CREATE TABLE payment_intents (
    payment_id VARCHAR(40) PRIMARY KEY,
    idem_key VARCHAR(300) NOT NULL,
    request_hash CHAR(64) NOT NULL,
    order_id VARCHAR(128) NOT NULL,
    user_id VARCHAR(128) NOT NULL,
    merchant_id VARCHAR(128),
    channel VARCHAR(10) NOT NULL,
    amount_fen BIGINT NOT NULL,
    deduct_fen BIGINT NOT NULL,
    split_cost_fen BIGINT,
    split_distribution_fen BIGINT,
    split_platform_fen BIGINT,
    split_pool_fen BIGINT,
    region VARCHAR(6),
    provider VARCHAR(40) NOT NULL,
    provider_transaction VARCHAR(128) NOT NULL,
    pay_url VARCHAR(1000) NOT NULL,
    status VARCHAR(10) NOT NULL,
    failure_code VARCHAR(60),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT payment_intents_order UNIQUE (order_id),
    CONSTRAINT payment_intents_idem_key UNIQUE (idem_key),
    CONSTRAINT payment_intents_transaction UNIQUE (provider, provider_transaction),
    CONSTRAINT payment_intents_status CHECK (status IN ('CREATED', 'PAID', 'FAILED')),
    CONSTRAINT payment_intents_channel CHECK (channel IN ('STORE', 'MALL'))
);

-- Nonces of verified callbacks, so a replayed callback is refused. Rows older than twice the timestamp
-- window are deleted as new ones arrive: the window check refuses those callbacks anyway.
CREATE TABLE payment_nonces (
    provider VARCHAR(40) NOT NULL,
    nonce VARCHAR(64) NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (provider, nonce)
);

CREATE INDEX payment_nonces_by_time ON payment_nonces (signed_at);

-- A provider's callback secret when it is not configured (the sandbox generates one on the first start).
CREATE TABLE provider_secrets (
    provider VARCHAR(40) PRIMARY KEY,
    secret VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The sandbox provider's own books: what an outside provider would keep on its side.
CREATE TABLE sandbox_transactions (
    transaction_id VARCHAR(128) PRIMARY KEY,
    order_id VARCHAR(128) NOT NULL,
    amount_fen BIGINT NOT NULL,
    description VARCHAR(300) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
