-- The product catalogue (商品, issue 19 item 1, R-2.2). Portable SQL: the same file runs on H2 (PostgreSQL
-- mode) and PostgreSQL. Prices and split parts are fen (BIGINT), never floating point.

-- A mall product. Its split parts (cost, distribution, platform, pool) are NULL when the product is sold on
-- the plan's mall split; when present they add up to the price. The stock is decremented in the same
-- transaction that creates a payment intent, by a conditional update that can never take it below zero.
CREATE TABLE products (
    product_id VARCHAR(64) PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    price_fen BIGINT NOT NULL,
    split_cost_fen BIGINT,
    split_distribution_fen BIGINT,
    split_platform_fen BIGINT,
    split_pool_fen BIGINT,
    merchant_id VARCHAR(128),
    stock BIGINT NOT NULL,
    on_shelf BOOLEAN NOT NULL,
    image_urls VARCHAR(4000) NOT NULL,
    idem_key VARCHAR(300) NOT NULL,
    request_hash CHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT products_idem_key UNIQUE (idem_key),
    CONSTRAINT products_price CHECK (price_fen > 0),
    CONSTRAINT products_stock CHECK (stock >= 0)
);

-- The cart of a mall payment priced from the catalogue: what goes back to stock if the payment fails or its
-- order is refunded before settlement.
CREATE TABLE payment_items (
    payment_id VARCHAR(40) NOT NULL,
    line INT NOT NULL,
    product_id VARCHAR(64) NOT NULL,
    quantity BIGINT NOT NULL,
    PRIMARY KEY (payment_id, line)
);
