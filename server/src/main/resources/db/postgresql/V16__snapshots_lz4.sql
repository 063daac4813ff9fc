-- PostgreSQL only. A snapshot is the engine's whole state (about 190 bytes for every order a server keeps), stored
-- every snapshot interval by its own connection while the gateway commits on another. PostgreSQL's default
-- compression (pglz) of such a value took a backend's CPU for seconds, on the same cores as the group commit;
-- LZ4 compresses it several times faster. Old snapshots are pruned by the server (Journal.saveSnapshot).
ALTER TABLE snapshots ALTER COLUMN state SET COMPRESSION lz4;
