-- Customers a store's pay code bound (锁定会员, R-4.1), written with the journal row of the binding payment.
CREATE TABLE bindings (
    username VARCHAR(200) PRIMARY KEY,
    merchant VARCHAR(200) NOT NULL,
    referrer VARCHAR(200) NOT NULL,
    bound_at TIMESTAMP WITH TIME ZONE NOT NULL,
    command_seq BIGINT NOT NULL
);

CREATE INDEX bindings_by_merchant ON bindings (merchant, command_seq);
