-- Payee accounts (收款账户, issue 19 item 3): where a withdrawal is paid. The account number and the
-- verified name are kept whole for the payout provider and shown masked in every view.
CREATE TABLE payee_accounts (
    payee_id VARCHAR(40) PRIMARY KEY,
    owner VARCHAR(200) NOT NULL,
    kind VARCHAR(10) NOT NULL,
    account VARCHAR(64) NOT NULL,
    verified_name VARCHAR(100) NOT NULL,
    idem_key VARCHAR(500) NOT NULL,
    request_hash CHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT payee_accounts_idem_key UNIQUE (idem_key),
    CONSTRAINT payee_accounts_kind CHECK (kind IN ('BANK_CARD', 'ALIPAY', 'WECHAT'))
);

CREATE INDEX payee_accounts_by_owner ON payee_accounts (owner, created_at);

-- The payee a withdrawal was asked for, recorded before its command is submitted (its id is the server's).
CREATE TABLE withdrawal_payees (
    withdrawal_id VARCHAR(128) PRIMARY KEY,
    payee_id VARCHAR(40) NOT NULL
);
