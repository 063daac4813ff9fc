-- A user's request to open a store on the platform, until an operator decides (issue 4).
CREATE TABLE merchant_requests (
    id VARCHAR(64) PRIMARY KEY,
    username VARCHAR(64) NOT NULL,
    merchant VARCHAR(128) NOT NULL,
    region VARCHAR(6) NOT NULL,
    commission_ppm BIGINT,
    recruiter VARCHAR(64),
    status VARCHAR(20) NOT NULL,
    decision_reason VARCHAR(500),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at TIMESTAMP WITH TIME ZONE
);

-- Reports (举报, R-4.7): a shadow account intercepting rewards, a merchant steering customers off the
-- platform; the operator adjudicates, and the outcome's engine command is journaled.
CREATE TABLE reports (
    id VARCHAR(64) PRIMARY KEY,
    reporter VARCHAR(64) NOT NULL,
    kind VARCHAR(30) NOT NULL,
    subject VARCHAR(200) NOT NULL,
    details VARCHAR(2000) NOT NULL,
    status VARCHAR(20) NOT NULL,
    outcome VARCHAR(30),
    decision_reason VARCHAR(500),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at TIMESTAMP WITH TIME ZONE
);
