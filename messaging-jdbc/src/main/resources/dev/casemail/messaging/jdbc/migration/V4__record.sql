-- casemail messaging, schema version 4: the record a court can check.
--
-- Written in the SQL that PostgreSQL and H2 share; applied to a database an earlier version wrote, it
-- keeps every row. Each mailbox's record is an append-only list of entries whose leaf hashes are the
-- leaves of an RFC 9162 Merkle tree (see docs/record-format.md). An entry's content is not stored
-- twice: it is rebuilt, for an export, from the message, first view, access event or export it
-- records, and must still hash to the leaf hash stored here.

-- the head of each mailbox's record, kept on the mailbox's own row, which every write locks first: its
-- size and the roots of the complete subtrees on the tree's right edge (hex, the largest first)
ALTER TABLE mailboxes ADD COLUMN record_size BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE mailboxes ADD COLUMN record_frontier VARCHAR(4200) DEFAULT '' NOT NULL;

-- the entries: kind 1 message (reference: message id), 2 first view (message id; other: the viewer),
-- 3 access event (event number; other: the counterpart), 4 export (export number)
CREATE TABLE record_entries (
  owner_id    VARCHAR(256) NOT NULL,
  leaf_index  BIGINT       NOT NULL,
  kind        SMALLINT     NOT NULL,
  reference   BIGINT       NOT NULL,
  other_id    VARCHAR(256) NOT NULL,
  recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  leaf_hash   CHAR(64)     NOT NULL,
  CONSTRAINT record_entries_pk PRIMARY KEY (owner_id, leaf_index)
);

-- every export of a record, with the head it was signed with (the next export proves it extends it)
CREATE TABLE record_exports (
  owner_id          VARCHAR(256) NOT NULL,
  export_number     BIGINT       NOT NULL,
  scope_kind        VARCHAR(16)  NOT NULL,
  scope_from        TIMESTAMP(6) WITH TIME ZONE,
  scope_until       TIMESTAMP(6) WITH TIME ZONE,
  scope_counterpart VARCHAR(256),
  court_order       VARCHAR(800),
  exported_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  head_size         BIGINT       NOT NULL,
  head_root         CHAR(64)     NOT NULL,
  head_signed_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  key_id            CHAR(64)     NOT NULL,
  algorithm         VARCHAR(32)  NOT NULL,
  signature         VARCHAR(200) NOT NULL,
  CONSTRAINT record_exports_pk PRIMARY KEY (owner_id, export_number)
);
