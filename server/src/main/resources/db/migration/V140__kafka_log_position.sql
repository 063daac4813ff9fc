-- The server on the Kafka log (issue 21 deliver 2, docs/cluster.md "The server on the Kafka log"): how far this
-- tenant's SQL outputs reach in its Kafka journal. One row: the last journal sequence number written here and the
-- Kafka offset of the record that carried it (-1: none yet). Every batch's transaction locks this row (FOR UPDATE)
-- before it writes, so an old owner's late write and a new owner's catch-up of the same seq never both commit.
-- Unused by the single-node journal.
CREATE TABLE kafka_log_position (
    id INT PRIMARY KEY,
    seq BIGINT NOT NULL,
    kafka_offset BIGINT NOT NULL
);

INSERT INTO kafka_log_position (id, seq, kafka_offset) SELECT 1, COALESCE(MAX(seq), 0), -1 FROM journal;
