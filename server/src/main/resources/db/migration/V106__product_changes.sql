-- Changes to a catalogue product after it was listed (issue 19 item 1: operators manage the catalogue): restock
-- or write off stock, put on or take off the shelf. Each change is kept under its Idempotency-Key with its first
-- answer, written in the same transaction as the product's conditional update, so a retry never applies twice.
CREATE TABLE product_changes (
    idem_key VARCHAR(300) PRIMARY KEY,
    request_hash CHAR(64) NOT NULL,
    product_id VARCHAR(64) NOT NULL,
    status INT NOT NULL,
    response VARCHAR(4000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
