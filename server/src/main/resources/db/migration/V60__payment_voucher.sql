-- greenweb (issue 20, issue 17 rule 6): the part of a store payment paid with vouchers (抵用券); the provider
-- collects amount_fen - voucher_fen. 0 for every payment before green points.
ALTER TABLE payment_intents ADD COLUMN voucher_fen BIGINT DEFAULT 0 NOT NULL;
