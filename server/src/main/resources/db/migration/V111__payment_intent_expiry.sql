-- Unpaid payment intents expire (issue 20 item 3 follow-up): an intent still CREATED after
-- zengzhi.payments.intent-ttl is moved to EXPIRED by one conditional update in the same transaction that gives
-- its cart back to stock; a provider's late callback for it is refunded at the provider (docs/payments.md).
ALTER TABLE payment_intents DROP CONSTRAINT payment_intents_status;
ALTER TABLE payment_intents ADD CONSTRAINT payment_intents_status CHECK (status IN ('CREATED', 'PAID', 'FAILED', 'EXPIRED'));
CREATE INDEX payment_intents_by_status ON payment_intents (status, created_at);
