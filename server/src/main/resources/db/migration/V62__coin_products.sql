-- Coin-mall products (金币商城, issue 20 item 1, issue 17 rule 6): a catalogue product may be priced in gold
-- coins (金币, in hundredths as everywhere: "5.00"). Portable SQL for H2 (PostgreSQL mode) and PostgreSQL.
-- A coin product has coin_price_fen > 0 and price_fen 0 (it is never sold for cash); any other product keeps
-- its cash price. Its stock is taken by the same conditional update as a mall product's.
ALTER TABLE products ADD COLUMN coin_price_fen BIGINT;
ALTER TABLE products DROP CONSTRAINT products_price;
ALTER TABLE products ADD CONSTRAINT products_price CHECK (price_fen > 0 OR coin_price_fen > 0);
