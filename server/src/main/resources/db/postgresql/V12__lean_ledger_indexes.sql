-- PostgreSQL only (ARCHITECTURE, persistence: per-database folders where the SQL differs). The group
-- commit inserts six postings and an idempotency record per order; these keep what each insert costs
-- small without losing a query. Measured in docs/benchmarks.md.

-- Postings are appended in journal order and read by range of command_seq (audits) or by owner (a
-- wallet's history). A BRIN index serves the ranges at a fraction of a B-tree's upkeep; the journal's
-- primary key on seq, and its one writer, already make (command_seq, posting_index) unique.
ALTER TABLE postings DROP CONSTRAINT postings_pkey;
CREATE INDEX postings_by_seq ON postings USING brin (command_seq);

-- System accounts (pool, platform, outside world) have no owner and are never looked up by owner.
DROP INDEX postings_by_owner;
CREATE INDEX postings_by_owner ON postings (owner, command_seq) WHERE owner IS NOT NULL;

-- The stored first answer of each idempotency key (the rendered events, ~1 KB) is compressed in line
-- with LZ4 instead of written as is: far less WAL per order, and a retry reads it back rarely.
ALTER TABLE idempotency ALTER COLUMN response SET COMPRESSION lz4;
ALTER TABLE idempotency SET (toast_tuple_target = 256);
