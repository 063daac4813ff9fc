-- The four-party model (四方共赢, seed 000) on the platform: issue 20 items 1, 3 and 5, package server.party.
-- Portable SQL: the same file runs on H2 (PostgreSQL mode) and PostgreSQL. Amounts are fen (BIGINT).

-- A supplier's login: the account (role SUPPLIER) and the engine's supplier id it acts for. Written in the
-- journal's transaction of the RegisterSupplier command, so a login is bound only to a supplier the engine has.
CREATE TABLE supplier_accounts (
    username VARCHAR(64) PRIMARY KEY REFERENCES accounts (username),
    supplier VARCHAR(128) NOT NULL,
    CONSTRAINT supplier_accounts_supplier UNIQUE (supplier)
);

-- A catalogue product listed by a supplier (engine ListProduct with the same id): its name, stock and images
-- stay in the catalogue, its price and cost in the engine; the mall's own payment path refuses it.
ALTER TABLE products ADD COLUMN supplier_id VARCHAR(128);

-- One row per four-party order, from PartyOrderPaid, moved by PartyOrderSettled, PartyOrderRefunded and
-- OrderVerified. risk: CLEAR, DEVICE or IP (flagged by that key: 待审核), then APPROVED or REFUSED; status: PAID,
-- SETTLED or REFUNDED.
CREATE TABLE party_orders (
    order_id VARCHAR(128) PRIMARY KEY,
    username VARCHAR(128) NOT NULL,
    product VARCHAR(128) NOT NULL,
    supplier VARCHAR(128) NOT NULL,
    promoter VARCHAR(128),
    amount_fen BIGINT NOT NULL,
    contrib_fen BIGINT NOT NULL,
    prepaid_fen BIGINT NOT NULL,
    risk VARCHAR(20) NOT NULL,
    status VARCHAR(20) NOT NULL,
    paid_at TIMESTAMP WITH TIME ZONE NOT NULL,
    settled_at TIMESTAMP WITH TIME ZONE,
    refunded_at TIMESTAMP WITH TIME ZONE,
    supplier_settled_fen BIGINT,
    rebate_fen BIGINT,
    commission_fen BIGINT,
    withheld_fen BIGINT,
    held_fen BIGINT,
    stoken_fen BIGINT,
    clawed_back_fen BIGINT,
    command_seq BIGINT NOT NULL
);
CREATE INDEX party_orders_supplier ON party_orders (supplier, command_seq);
CREATE INDEX party_orders_user ON party_orders (username, command_seq);
CREATE INDEX party_orders_promoter ON party_orders (promoter, command_seq);

-- What happened to a holder's 贡献值 or a supplier's tokens, deposit and ratings, one row per movement:
-- REBATE, TRANSFER_OUT, TRANSFER_IN, REDEEMED, SPENT, RATING (holder: the consumer; other: the order, the other
-- holder or the product); LISTED (amount: price, fee: cost), TOKENS, PENALTY, BONUS (holder: the supplier).
CREATE TABLE party_history (
    command_seq BIGINT NOT NULL,
    line INT NOT NULL,
    at TIMESTAMP WITH TIME ZONE NOT NULL,
    holder VARCHAR(128) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    amount_fen BIGINT NOT NULL,
    fee_fen BIGINT NOT NULL,
    other VARCHAR(128),
    PRIMARY KEY (command_seq, line)
);
CREATE INDEX party_history_holder ON party_history (holder, command_seq);
