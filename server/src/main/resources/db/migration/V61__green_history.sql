-- Read models of the green-points model (issue 20 items 1–3 and 6), written in the same transaction as the
-- journal rows they come from (server.green.GreenReadModel). Portable SQL for H2 and PostgreSQL; points in
-- centipoints, vouchers and money in fen (BIGINT), rates in ppm. Rows start with this migration.

-- Every dividend (分红) of each pool: its due instant (00:00 of its pay day in the plan's zone), the pool's value
-- then, the growth since the last one (−1 for the first), the scale, the vouchers paid, lots paid and retired.
CREATE TABLE green_dividends (
    pool VARCHAR(20) NOT NULL,
    period_no INT NOT NULL,
    due_at TIMESTAMP WITH TIME ZONE NOT NULL,
    pool_value BIGINT NOT NULL,
    growth_ppm BIGINT NOT NULL,
    scale_ppm BIGINT NOT NULL,
    vouchers BIGINT NOT NULL,
    lots INT NOT NULL,
    retired INT NOT NULL,
    command_seq BIGINT NOT NULL,
    PRIMARY KEY (pool, period_no)
);

CREATE INDEX green_dividends_by_command ON green_dividends (command_seq, pool);

-- The vouchers (抵用券) each holder (a consumer or a store) received from the dividends of one pool paid by one
-- command (one period, except when a tick pays two periods of a pool at once).
CREATE TABLE green_receipts (
    command_seq BIGINT NOT NULL,
    pool VARCHAR(20) NOT NULL,
    holder VARCHAR(200) NOT NULL,
    vouchers BIGINT NOT NULL,
    PRIMARY KEY (command_seq, pool, holder)
);

CREATE INDEX green_receipts_by_holder ON green_receipts (holder, pool, command_seq);

-- A promoter's (推广员) closed month: the metric, the pay by kind, the rank held and the rank that follows.
CREATE TABLE green_promoter_months (
    promoter VARCHAR(200) NOT NULL,
    closed_month VARCHAR(7) NOT NULL,
    rank_held VARCHAR(100) NOT NULL,
    next_rank VARCHAR(100) NOT NULL,
    metric BIGINT NOT NULL,
    personal BIGINT NOT NULL,
    coaching BIGINT NOT NULL,
    subsidy BIGINT NOT NULL,
    command_seq BIGINT NOT NULL,
    PRIMARY KEY (promoter, closed_month)
);
