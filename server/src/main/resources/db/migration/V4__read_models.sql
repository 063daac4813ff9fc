-- Read models written in the same transaction as the journal rows they come from (group commit).
CREATE TABLE orders (
    order_id VARCHAR(300) PRIMARY KEY,
    username VARCHAR(200) NOT NULL,
    merchant VARCHAR(200),
    channel VARCHAR(10) NOT NULL,
    amount BIGINT NOT NULL,
    pool_share BIGINT NOT NULL,
    status VARCHAR(20) NOT NULL,
    paid_at TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at TIMESTAMP WITH TIME ZONE NOT NULL,
    settled_at TIMESTAMP WITH TIME ZONE,
    refunded_at TIMESTAMP WITH TIME ZONE,
    command_seq BIGINT NOT NULL
);

CREATE INDEX orders_by_user ON orders (username, command_seq);
CREATE INDEX orders_by_merchant ON orders (merchant, command_seq);
