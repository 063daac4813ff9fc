-- A tenant moves onto the Kafka journal, in place or from another cluster (issue 21 deliver 5, docs/cluster.md
-- "Moving a tenant of the server nodes"). All on the one row of kafka_log_position, which every writer of the
-- tenant's journal locks first, so the import, the seal and a batch never interleave.
--
-- Which Kafka log the position belongs to: the cluster's id, the journal topic and the tenant's partition there,
-- stamped by the first take-over (or by the import). A take-over on another cluster, topic or partition is refused:
-- the stored offset would mean nothing there.
ALTER TABLE kafka_log_position ADD COLUMN cluster_id VARCHAR(64);
ALTER TABLE kafka_log_position ADD COLUMN topic VARCHAR(249);
ALTER TABLE kafka_log_position ADD COLUMN kafka_partition INT;
-- The import ("moved in at this position"): the journal's last seq and the state hash the SQL side proves (newest
-- snapshot + replay of the journal), adopted at the partition's end offset at that moment. Recovery reads SQL up
-- to import_seq, then the topic from import_offset on.
ALTER TABLE kafka_log_position ADD COLUMN import_seq BIGINT;
ALTER TABLE kafka_log_position ADD COLUMN import_hash VARCHAR(128);
ALTER TABLE kafka_log_position ADD COLUMN import_offset BIGINT;
ALTER TABLE kafka_log_position ADD COLUMN imported_at TIMESTAMP WITH TIME ZONE;
-- The seal on the source ("moved out"): where to, and the seq and state hash the schema holds; a sealed schema's
-- journal takes no batch and does not start, until a target imports its copy (which clears the copy's seal).
ALTER TABLE kafka_log_position ADD COLUMN sealed_for VARCHAR(300);
ALTER TABLE kafka_log_position ADD COLUMN sealed_seq BIGINT;
ALTER TABLE kafka_log_position ADD COLUMN sealed_hash VARCHAR(128);
ALTER TABLE kafka_log_position ADD COLUMN sealed_at TIMESTAMP WITH TIME ZONE;

-- Per tenant (root schema): which journal its context runs on. SQL or KAFKA; NULL (rows older than this column)
-- follows the server's configuration, as before: Kafka when zengzhi.cluster.journal-servers is set or in cluster
-- mode. moved_to: the tenant was sealed and moved to another cluster; it is never resumed here.
ALTER TABLE deployment_tenant ADD COLUMN journal VARCHAR(8);
ALTER TABLE deployment_tenant ADD COLUMN moved_to VARCHAR(300);
