-- The deployment (issue 21 item 1): tenants beside the default one, each served from its own schema by its own
-- application context under /t/{slug}/ (docs/tenants.md). Only the root context (the default tenant's schema)
-- reads these tables; a tenant's schema has them too, empty, because every schema runs the same migrations.
CREATE TABLE deployment_tenant (
    slug VARCHAR(32) PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    -- The preset's name, or "yaml" when the plan was given as text.
    plan_source VARCHAR(100) NOT NULL,
    plan_yaml TEXT NOT NULL,
    schema_name VARCHAR(63) NOT NULL UNIQUE,
    status VARCHAR(16) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The operator of the deployment: a role above every tenant's operator, with its own password and tokens.
CREATE TABLE deployment_operator (
    username VARCHAR(64) PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE deployment_tokens (
    token_hash CHAR(64) PRIMARY KEY,
    username VARCHAR(64) NOT NULL REFERENCES deployment_operator (username),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Each state-changing deployment call under its Idempotency-Key with its first answer, written in the same
-- transaction as the change.
CREATE TABLE deployment_requests (
    idem_key VARCHAR(300) PRIMARY KEY,
    request_hash CHAR(64) NOT NULL,
    status INT NOT NULL,
    response VARCHAR(4000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
