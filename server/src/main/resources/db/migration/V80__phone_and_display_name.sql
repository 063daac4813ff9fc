-- Phone sign-in and a display name (issue 20 items 1 and 2). The phone is a mainland mobile number of 11 digits,
-- an identifier to sign in with instead of the username; it is not verified by SMS (a provider integration left
-- out). Unique where set; accounts without a phone keep NULL, which a unique index allows more than once on both
-- H2 and PostgreSQL. The display name is what pages show, in any script; it identifies nobody.
ALTER TABLE accounts ADD COLUMN phone VARCHAR(11);
ALTER TABLE accounts ADD COLUMN display_name VARCHAR(60);
CREATE UNIQUE INDEX accounts_by_phone ON accounts (phone);
