-- The journal is the source of truth: every accepted command in order, as a line of the command-log
-- format (docs/replay.md), so `zengzhi replay --plan` can audit it. Everything else is derived.
CREATE TABLE tenant (
    id INT PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    plan_yaml TEXT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE journal (
    seq BIGINT PRIMARY KEY,
    command_id VARCHAR(300) NOT NULL,
    command_type VARCHAR(40) NOT NULL,
    at TIMESTAMP WITH TIME ZONE NOT NULL,
    line TEXT NOT NULL,
    rejection VARCHAR(60)
);

CREATE TABLE postings (
    command_seq BIGINT NOT NULL,
    posting_index INT NOT NULL,
    account_type VARCHAR(40) NOT NULL,
    owner VARCHAR(200),
    asset VARCHAR(10) NOT NULL,
    amount BIGINT NOT NULL,
    PRIMARY KEY (command_seq, posting_index)
);

CREATE INDEX postings_by_owner ON postings (owner, command_seq);

CREATE TABLE snapshots (
    seq BIGINT PRIMARY KEY,
    state_hash CHAR(64) NOT NULL,
    state BYTEA NOT NULL,
    taken_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE idempotency (
    idem_key VARCHAR(300) PRIMARY KEY,
    request_hash CHAR(64) NOT NULL,
    command_seq BIGINT NOT NULL,
    status INT NOT NULL,
    response TEXT NOT NULL
);

CREATE TABLE price_history (
    command_seq BIGINT NOT NULL,
    event_index INT NOT NULL,
    at TIMESTAMP WITH TIME ZONE NOT NULL,
    pool_cash BIGINT NOT NULL,
    circulating_points BIGINT NOT NULL,
    PRIMARY KEY (command_seq, event_index)
);
