-- Four-party orders paid through the payment provider (issues 19 and 20): the purchase a party payment intent
-- becomes on the provider's paid callback (the engine's PayPartyOrder), as JSON; null for store and mall payments.
ALTER TABLE payment_intents ADD COLUMN party_purchase VARCHAR(2000);
