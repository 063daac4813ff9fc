-- The withdrawals read model (R-8.1): one row per withdrawal, its state moved by review and payout, so a user
-- can list their own. Written in the journal's transaction from the engine's withdrawal events; filled from
-- this migration on (earlier withdrawals stay in the journal and the engine).
CREATE TABLE withdrawals (
    withdrawal_id VARCHAR(128) PRIMARY KEY,
    username VARCHAR(200) NOT NULL,
    amount BIGINT NOT NULL,
    fee BIGINT NOT NULL,
    payout BIGINT NOT NULL,
    state VARCHAR(10) NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at TIMESTAMP WITH TIME ZONE,
    reason VARCHAR(500),
    reference VARCHAR(200),
    command_seq BIGINT NOT NULL
);

CREATE INDEX withdrawals_by_user ON withdrawals (username, command_seq);
