-- First answers of account calls made with an Idempotency-Key (issue 19 item 6): a registration, an account the
-- operator creates, a password change. They are not engine commands, so their keys are kept here rather than
-- in the journal's idempotency table. The password is never part of the request hash: a retry is compared
-- with the account's bcrypt hash instead.
CREATE TABLE account_requests (
    idem_key VARCHAR(300) PRIMARY KEY,
    request_hash CHAR(64) NOT NULL,
    username VARCHAR(64) NOT NULL,
    status INT NOT NULL,
    response TEXT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
