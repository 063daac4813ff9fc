-- Issue 19 item 6: the sandbox's completions (a customer pays, the bank answers a transfer) remember their
-- Idempotency-Key: a retry with the same request gets the first answer, the key with another request is 409.
CREATE TABLE sandbox_completions (
    idem_key VARCHAR(200) PRIMARY KEY,
    request_hash VARCHAR(64) NOT NULL,
    response TEXT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
