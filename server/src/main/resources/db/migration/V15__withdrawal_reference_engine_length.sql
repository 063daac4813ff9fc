-- The engine keeps a payout's reference up to Limits.TEXT_LENGTH_MAX (500) characters, but the read model's
-- column held 200: a longer reference (POST /payouts/callback by hand) passed the engine and failed the
-- group commit's UPDATE, so every command of that batch failed and the engine was rebuilt. reason is 500
-- already.
ALTER TABLE withdrawals ALTER COLUMN reference SET DATA TYPE VARCHAR(500);
