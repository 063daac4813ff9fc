-- Cluster mode (issue 21 deliver 2, docs/cluster.md "Server nodes: ownership and redirects"): which partition of
-- the tenants topic stands for each tenant, and which node serves it. Only the root schema's copies are used.
-- Partition 0 is never a tenant's (it is reserved; numbers start at 1), so a new tenant always grows the topic and
-- the group always rebalances to give it to a node.
CREATE TABLE deployment_tenant_partition (
    slug VARCHAR(32) PRIMARY KEY REFERENCES deployment_tenant (slug),
    partition_no INT NOT NULL UNIQUE
);

-- The node serving each tenant, as the node itself recorded it once the tenant's context had started. A row is
-- written only over an older generation of the nodes' consumer group, so a late write of an earlier owner never
-- hides the newer one; the owner deletes its own row when the group takes the tenant away.
CREATE TABLE deployment_tenant_owner (
    slug VARCHAR(32) PRIMARY KEY REFERENCES deployment_tenant (slug),
    node_url VARCHAR(300) NOT NULL,
    generation INT NOT NULL,
    since TIMESTAMP WITH TIME ZONE NOT NULL
);
