-- Coin-mall orders (金币商城, issue 17 rule 6, issue 20 item 1) as orders: the engine keeps them in its order book,
-- and this read model keeps who bought what from which store, so the store (or an operator) can refund one and
-- its products go back to stock. Written in the journal's transaction (server.coinmall.CoinOrderReadModel); the
-- lines are written with the PayOrder's journal row, in the same transaction as the stock they take.
-- Portable SQL for H2 (PostgreSQL mode) and PostgreSQL; coins in hundredths (fen-sized, BIGINT).
CREATE TABLE coin_orders (
    order_id VARCHAR(300) PRIMARY KEY,
    username VARCHAR(200) NOT NULL,
    merchant VARCHAR(200) NOT NULL,
    coins BIGINT NOT NULL,
    status VARCHAR(10) NOT NULL,
    paid_at TIMESTAMP WITH TIME ZONE NOT NULL,
    refunded_at TIMESTAMP WITH TIME ZONE,
    command_seq BIGINT NOT NULL,
    CONSTRAINT coin_orders_status CHECK (status IN ('PAID', 'REFUNDED'))
);

CREATE INDEX coin_orders_by_user ON coin_orders (username, command_seq);

CREATE TABLE coin_order_items (
    order_id VARCHAR(300) NOT NULL,
    line INT NOT NULL,
    product_id VARCHAR(64) NOT NULL,
    quantity BIGINT NOT NULL,
    PRIMARY KEY (order_id, line)
);
