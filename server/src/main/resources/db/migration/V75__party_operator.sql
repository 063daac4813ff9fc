-- The four-party operator's read models (issue 20 item 6, issue 18 rules 6, 7, 9), kept from the engine's events
-- by org.zengzhi.server.partyops.PartyOpsReadModel inside the journal's transaction.

-- Orders the risk window flagged (风控), with the device and IP of the payment, their held rewards once settled
-- and the operator's decision.
CREATE TABLE party_risk_orders (
    order_id VARCHAR(200) PRIMARY KEY,
    consumer VARCHAR(200) NOT NULL,
    product VARCHAR(200) NOT NULL,
    supplier VARCHAR(200) NOT NULL,
    device VARCHAR(200),
    ip VARCHAR(200),
    amount BIGINT NOT NULL,
    risk VARCHAR(20) NOT NULL,
    settled BOOLEAN DEFAULT FALSE NOT NULL,
    held BIGINT NOT NULL,
    status VARCHAR(10) NOT NULL,
    released BIGINT NOT NULL,
    cancelled BIGINT NOT NULL,
    paid_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT party_risk_orders_status CHECK (status IN ('FLAGGED', 'APPROVED', 'REFUSED'))
);

CREATE INDEX party_risk_orders_by_status ON party_risk_orders (status, paid_at);

-- Settled four-party orders: a supplier's sales and a promoter's withheld commission are sums of these.
CREATE TABLE party_settlements (
    order_id VARCHAR(200) PRIMARY KEY,
    supplier VARCHAR(200) NOT NULL,
    promoter VARCHAR(200),
    amount BIGINT NOT NULL,
    withheld BIGINT NOT NULL,
    held BIGINT NOT NULL,
    settled_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX party_settlements_by_supplier ON party_settlements (supplier);
CREATE INDEX party_settlements_by_promoter ON party_settlements (promoter);

-- Each month close: the engine's P&L (PartyPnl) and burn (BurnReport) as JSON, as the event carried them.
CREATE TABLE party_month_closes (
    close_month CHAR(7) PRIMARY KEY,
    closed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    command_seq BIGINT NOT NULL,
    close_json VARCHAR(8000) NOT NULL
);

-- The custody provider's statements (资金存管对账) against the ledger's escrow at the same point of the log.
CREATE TABLE party_escrow_statements (
    command_seq BIGINT PRIMARY KEY,
    stated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    statement BIGINT NOT NULL,
    ledger BIGINT NOT NULL,
    difference BIGINT NOT NULL
);
