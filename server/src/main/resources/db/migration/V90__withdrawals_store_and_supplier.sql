-- Issue 19 item 2: the withdrawals read model names the wallet a withdrawal draws on. A store's withdrawal
-- (merchant_id) or a supplier's (supplier_id) is listed under the store or the supplier, not in its owner's own
-- list. Filled from this migration on; store withdrawals made before it keep null here (they stay in the journal
-- and the engine, and /withdrawals/{id} shows them).
ALTER TABLE withdrawals ADD COLUMN merchant_id VARCHAR(128);
ALTER TABLE withdrawals ADD COLUMN supplier_id VARCHAR(128);
CREATE INDEX withdrawals_by_merchant ON withdrawals (merchant_id, command_seq);
CREATE INDEX withdrawals_by_supplier ON withdrawals (supplier_id, command_seq);
