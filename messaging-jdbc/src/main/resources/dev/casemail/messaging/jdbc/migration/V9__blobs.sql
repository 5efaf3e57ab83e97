-- casemail messaging, schema version 9: the bytes of attachments, kept once by their SHA-256 and
-- shared by every mailbox whose messages carry them (JdbcBlobStore).
--
-- Written in the SQL that PostgreSQL and H2 share. Content is written in chunks of at most 256 KiB
-- (BYTEA: PostgreSQL's bytea, H2's alias of BINARY VARYING, both bound with plain setBytes/getBytes)
-- under a provisional upload id, and published in the same transaction by one row of blob_contents
-- naming that upload: chunks no content row names are never read, and a failed put rolls its chunks
-- back with it.
--
-- Neither table is keyed by mailbox owner: content is shared across mailboxes. Under Citus both are
-- distributed tables, not reference tables (attachments are the bulk of the data; a reference table
-- is copied to every node): blob_contents by content_hash, blob_chunks by upload_id, so that every
-- statement of the store names its table's distribution column and runs on one shard. The two are
-- deliberately not co-located and have no foreign key between them (Citus allows one only between
-- co-located tables): a put is one distributed transaction over two shards, committed by Citus with
-- two-phase commit.

-- one row per content: its hash, the upload whose chunks hold its bytes, and when it was last put
CREATE TABLE blob_contents (
  content_hash   VARCHAR(64)                 NOT NULL,
  upload_id      VARCHAR(36)                 NOT NULL,
  size_bytes     BIGINT                      NOT NULL,
  chunk_count    INTEGER                     NOT NULL,
  last_stored_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT blob_contents_pk PRIMARY KEY (content_hash)
);

-- the clean-up lists what was last put before its cutoff
CREATE INDEX blob_contents_last_stored ON blob_contents (last_stored_at);

-- the bytes of an upload, in order: chunk_index 0, 1, … each full but the last
CREATE TABLE blob_chunks (
  upload_id   VARCHAR(36) NOT NULL,
  chunk_index INTEGER     NOT NULL,
  bytes       BYTEA       NOT NULL,
  CONSTRAINT blob_chunks_pk PRIMARY KEY (upload_id, chunk_index)
);
