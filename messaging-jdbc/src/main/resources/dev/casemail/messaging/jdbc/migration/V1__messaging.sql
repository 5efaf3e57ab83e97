-- casemail messaging, schema version 1.
--
-- Written in the SQL that PostgreSQL and H2 share. Every mailbox table starts its primary key with
-- owner_id, the participant whose mailbox the row belongs to, so that a distributed PostgreSQL
-- (Citus: SELECT create_distributed_table('copies', 'owner_id') and so on) serves every call on a
-- mailbox from one shard. The directory tables (participants, families, family_parents) are small
-- and shared by all mailboxes: reference tables in Citus terms.
--
-- Texts are VARCHAR sized in UTF-16 code units, twice the code point limits of the API; instants
-- are TIMESTAMP(6) WITH TIME ZONE (microseconds, as the library stores them).

-- the directory ------------------------------------------------------------------------------------

CREATE TABLE participants (
  participant_id VARCHAR(256) NOT NULL,
  role           VARCHAR(16)  NOT NULL,
  display_name   VARCHAR(400) NOT NULL,
  CONSTRAINT participants_pk PRIMARY KEY (participant_id)
);

CREATE TABLE families (
  family_id VARCHAR(256) NOT NULL,
  name      VARCHAR(400) NOT NULL,
  CONSTRAINT families_pk PRIMARY KEY (family_id)
);

CREATE TABLE family_parents (
  family_id VARCHAR(256) NOT NULL,
  parent_id VARCHAR(256) NOT NULL,
  position  INTEGER      NOT NULL,
  CONSTRAINT family_parents_pk PRIMARY KEY (family_id, parent_id)
);

CREATE INDEX family_parents_by_parent ON family_parents (parent_id, family_id);

-- mailboxes: one row each, locked by every write transaction that touches the mailbox ------------------

CREATE TABLE mailboxes (
  owner_id VARCHAR(256) NOT NULL,
  CONSTRAINT mailboxes_pk PRIMARY KEY (owner_id)
);

-- access links, stored once under each side (owner_id) so that either side reads its links locally --

CREATE TABLE access_links (
  owner_id        VARCHAR(256) NOT NULL,
  counterpart_id  VARCHAR(256) NOT NULL,
  practitioner_id VARCHAR(256) NOT NULL,
  parent_id       VARCHAR(256) NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  requested_by    VARCHAR(256) NOT NULL,
  CONSTRAINT access_links_pk PRIMARY KEY (owner_id, counterpart_id)
);

CREATE TABLE access_events (
  owner_id       VARCHAR(256) NOT NULL,
  counterpart_id VARCHAR(256) NOT NULL,
  seq            INTEGER      NOT NULL,
  status         VARCHAR(16)  NOT NULL,
  actor_id       VARCHAR(256) NOT NULL,
  happened_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT access_events_pk PRIMARY KEY (owner_id, counterpart_id, seq)
);

-- folders and their counts, kept with every change of the copies in the same transaction ------------

CREATE TABLE folders (
  owner_id      VARCHAR(256) NOT NULL,
  folder_id     BIGINT       NOT NULL,
  system_folder VARCHAR(16),
  name          VARCHAR(200) NOT NULL,
  name_key      VARCHAR(800) NOT NULL,
  total         BIGINT       NOT NULL,
  unread        BIGINT       NOT NULL,
  CONSTRAINT folders_pk PRIMARY KEY (owner_id, folder_id),
  CONSTRAINT folders_name_unique UNIQUE (owner_id, name_key),
  CONSTRAINT folders_counts_valid CHECK (total >= 0 AND unread >= 0 AND unread <= total)
);

-- a message as it sits in one mailbox: its content (copied into every mailbox, so that reading a page
-- never leaves the owner's shard) and the owner's folder and first-viewed time --------------------------

CREATE TABLE copies (
  owner_id     VARCHAR(256)  NOT NULL,
  message_id   BIGINT        NOT NULL,
  thread_id    BIGINT        NOT NULL,
  kind         VARCHAR(16)   NOT NULL,
  sender_id    VARCHAR(256),
  sender_role  VARCHAR(16),
  sender_name  VARCHAR(400),
  recipients   VARCHAR(40000) NOT NULL,
  subject      VARCHAR(400)  NOT NULL,
  body         VARCHAR(65536) NOT NULL,
  sent_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  in_reply_to  BIGINT,
  folder_id    BIGINT        NOT NULL,
  opened_at    TIMESTAMP(6) WITH TIME ZONE,
  in_all       BOOLEAN       NOT NULL,
  CONSTRAINT copies_pk PRIMARY KEY (owner_id, message_id)
);

-- a folder page, newest first: a seek on (owner, folder) and a walk back along (sent_at, message_id)
CREATE INDEX copies_by_folder ON copies (owner_id, folder_id, sent_at, message_id);
-- All Messages: personal messages and auto-replies wherever they sit
CREATE INDEX copies_in_all ON copies (owner_id, in_all, sent_at, message_id);
-- a thread, oldest first
CREATE INDEX copies_by_thread ON copies (owner_id, thread_id, sent_at, message_id);

-- the sender's view of who opened what, stored under the sender ------------------------------------------

CREATE TABLE receipts (
  owner_id        VARCHAR(256) NOT NULL,
  message_id      BIGINT       NOT NULL,
  recipient_id    VARCHAR(256) NOT NULL,
  position        INTEGER      NOT NULL,
  first_viewed_at TIMESTAMP(6) WITH TIME ZONE,
  CONSTRAINT receipts_pk PRIMARY KEY (owner_id, message_id, recipient_id)
);

-- idempotency keys: the primary key makes a second send with the same key fail, not race ------------

CREATE TABLE sent_keys (
  owner_id    VARCHAR(256) NOT NULL,
  idem_key    VARCHAR(512) NOT NULL,
  fingerprint VARCHAR(128) NOT NULL,
  message_id  BIGINT       NOT NULL,
  CONSTRAINT sent_keys_pk PRIMARY KEY (owner_id, idem_key)
);

-- drafts -----------------------------------------------------------------------------------------------

CREATE TABLE drafts (
  owner_id    VARCHAR(256)   NOT NULL,
  draft_id    BIGINT         NOT NULL,
  recipients  VARCHAR(20000) NOT NULL,
  subject     VARCHAR(400),
  body        VARCHAR(65536) NOT NULL,
  in_reply_to BIGINT,
  created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  version     BIGINT         NOT NULL,
  CONSTRAINT drafts_pk PRIMARY KEY (owner_id, draft_id)
);

CREATE INDEX drafts_by_update ON drafts (owner_id, updated_at, draft_id);

-- the auto-responder and the last auto-reply to each correspondent ---------------------------------------

CREATE TABLE auto_responders (
  owner_id         VARCHAR(256)   NOT NULL,
  enabled          BOOLEAN        NOT NULL,
  subject          VARCHAR(400)   NOT NULL,
  body             VARCHAR(65536) NOT NULL,
  active_from      TIMESTAMP(6) WITH TIME ZONE,
  active_until     TIMESTAMP(6) WITH TIME ZONE,
  interval_seconds BIGINT         NOT NULL,
  version          BIGINT         NOT NULL,
  saved_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT auto_responders_pk PRIMARY KEY (owner_id)
);

CREATE TABLE auto_replies (
  owner_id         VARCHAR(256) NOT NULL,
  correspondent_id VARCHAR(256) NOT NULL,
  replied_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  settings_version BIGINT       NOT NULL,
  CONSTRAINT auto_replies_pk PRIMARY KEY (owner_id, correspondent_id)
);
