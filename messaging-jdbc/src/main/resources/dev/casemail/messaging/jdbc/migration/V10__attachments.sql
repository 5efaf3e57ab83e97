-- casemail messaging, schema version 10: what files messages and drafts carry (AttachmentRows). The
-- bytes are in the blob store (blob_contents, V9, or the host's own store), under content_hash.
--
-- Written in the SQL that PostgreSQL and H2 share. Like copies, a message's files are copied into each
-- mailbox that holds the message and keyed by its owner first, so that reading a message's files is
-- one seek on (owner_id, message_id) and a distributed PostgreSQL serves it from the owner's shard.
-- sent_by_owner marks the sender's own copy: the files a participant's quota counts.

CREATE TABLE message_attachments (
  owner_id      VARCHAR(256)  NOT NULL,
  message_id    BIGINT        NOT NULL,
  position      INTEGER       NOT NULL,
  name          VARCHAR(1024) NOT NULL,
  content_type  VARCHAR(255)  NOT NULL,
  size_bytes    BIGINT        NOT NULL,
  content_hash  VARCHAR(64)   NOT NULL,
  sent_by_owner BOOLEAN       NOT NULL,
  CONSTRAINT message_attachments_pk PRIMARY KEY (owner_id, message_id, position)
);

-- the quota: the files of the messages the owner sent, summed from the index alone. It leads with the
-- flag, not the owner, so that it never looks like a way to find one owner's files: the primary key is
-- (QueryPlanTest: with the owner first, PostgreSQL's generic plan for "these messages' files" walked
-- every file of the owner through this index)
CREATE INDEX message_attachments_quota ON message_attachments (sent_by_owner, owner_id, size_bytes);
-- the clean-up: is this content carried by any message?
CREATE INDEX message_attachments_by_hash ON message_attachments (content_hash);

CREATE TABLE draft_attachments (
  owner_id     VARCHAR(256)  NOT NULL,
  draft_id     BIGINT        NOT NULL,
  position     INTEGER       NOT NULL,
  name         VARCHAR(1024) NOT NULL,
  content_type VARCHAR(255)  NOT NULL,
  size_bytes   BIGINT        NOT NULL,
  content_hash VARCHAR(64)   NOT NULL,
  CONSTRAINT draft_attachments_pk PRIMARY KEY (owner_id, draft_id, position)
);

CREATE INDEX draft_attachments_by_hash ON draft_attachments (content_hash);
