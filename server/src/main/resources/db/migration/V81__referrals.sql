-- Who invited whom (我的团队, R-4.1, issue 20 item 1): one row per participant with a referrer, written with the
-- journal row of the registration under an invite (INVITE), the first payment through a store's pay code (STORE)
-- or an operator's reassignment (the row's referrer changes). Rows start with this migration: earlier bindings
-- stay in the journal (replay it with `zengzhi replay` to see them).
CREATE TABLE referrals (
    username VARCHAR(200) PRIMARY KEY,
    referrer VARCHAR(200) NOT NULL,
    how VARCHAR(10) NOT NULL,
    joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    command_seq BIGINT NOT NULL
);

CREATE INDEX referrals_by_referrer ON referrals (referrer, command_seq);
