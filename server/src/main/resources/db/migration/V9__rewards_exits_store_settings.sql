-- Read models for the console's role pages (issue 5), written in the same transaction as the journal rows
-- they come from, like orders and bindings. Portable SQL for H2 (PostgreSQL mode) and PostgreSQL; amounts
-- in fen and points in 10⁻⁶ point (BIGINT). Rows start with this migration: earlier history stays in the
-- journal (replay it with `zengzhi replay` to see it).

-- Every distribution reward of every order (R-2.4, R-4.2 – R-4.5, R-3.10), in the order the engine drew it
-- from the order's budget; its status moves with settlement (AVAILABLE), refund (CANCELLED) or claw-back.
CREATE TABLE rewards (
    order_id VARCHAR(300) NOT NULL,
    reward_index INT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    recipient VARCHAR(200) NOT NULL,
    agent_level VARCHAR(20),
    region VARCHAR(6),
    nominal BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    clawed_back BIGINT NOT NULL,
    status VARCHAR(20) NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    command_seq BIGINT NOT NULL,
    PRIMARY KEY (order_id, reward_index)
);

CREATE INDEX rewards_by_recipient ON rewards (recipient, command_seq);
CREATE INDEX rewards_by_kind ON rewards (kind, status);

-- Forced exits (强制出局, R-3.5, R-3.6): one row per exit, in cascade order.
CREATE TABLE exits (
    command_seq BIGINT NOT NULL,
    event_index INT NOT NULL,
    participant VARCHAR(200) NOT NULL,
    points BIGINT NOT NULL,
    gross BIGINT NOT NULL,
    payout BIGINT NOT NULL,
    cycle_spend BIGINT NOT NULL,
    exited_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (command_seq, event_index)
);

CREATE INDEX exits_by_time ON exits (exited_at);

-- What the store receives of an order (A − commission for a store order, the product cost in the mall),
-- set at payment; and the points the order minted for its buyer, set at settlement.
ALTER TABLE orders ADD COLUMN merchant_share BIGINT;
ALTER TABLE orders ADD COLUMN points BIGINT;

-- A store's name and address as its pay page shows them; not engine state, changed by the store's login or
-- an operator.
CREATE TABLE store_settings (
    merchant VARCHAR(200) PRIMARY KEY,
    display_name VARCHAR(60),
    address VARCHAR(200),
    updated_by VARCHAR(64) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
