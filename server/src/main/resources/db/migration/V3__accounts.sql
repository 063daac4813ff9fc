-- People who sign in (R-8.4). The username is also the participant's id in the engine.
CREATE TABLE accounts (
    username VARCHAR(64) PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    role VARCHAR(20) NOT NULL,
    merchant VARCHAR(128),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Bearer tokens for the API, stored only as their SHA-256 hash.
CREATE TABLE api_tokens (
    token_hash CHAR(64) PRIMARY KEY,
    username VARCHAR(64) NOT NULL REFERENCES accounts (username),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
