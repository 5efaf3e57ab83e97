-- casemail messaging, schema version 11: a message's content is stored once, not in every copy.
--
-- Up to version 10 every copy (one per mailbox holding the message) carried the message's body and
-- recipient list: a 64 KiB message to 50 recipients wrote 51 bodies. From version 11:
--
--   message_contents  one row per message, keyed by message_id alone: the body and the recipients,
--                     read by id when a message is opened (CopyRows.find, findAll, every);
--   copies            keeps what a folder page or a thread page lists (ListedCopy in the core): the
--                     subject, a preview (the body's first 120 characters on one line, computed by the
--                     core), the sender, and the recipient list on the sender's own copy only (Sent
--                     shows "To"; a received copy's listing shows none, MessageSummary.recipients()).
--
-- Distribution (Citus terms): copies stay distributed by owner_id, so that a page is still one seek in
-- one mailbox on one shard. message_contents is distributed by message_id
-- (create_distributed_table('message_contents', 'message_id')), not co-located with the sender: a
-- content row is written once at the send and read by id only, and hashing by id spreads the big rows
-- evenly, where co-locating them with the sender would pile every broadcast of a busy practitioner onto
-- one shard and would need the sender's id in every read. Opening a message is then two router queries:
-- the copy on the owner's shard (owner_id, message_id), then the content on the message's shard
-- (message_id). The subject stays in copies, since every listing shows it.
--
-- The data moves as it is: the body and recipients of each message are taken from one of its copies
-- (every copy of a message holds the same, written from one message), byte for byte. The previews of the
-- copies already written are computed by the Java step 11.1 (PreviewBackfill), which SQL cannot do.

CREATE TABLE message_contents (
  message_id BIGINT         NOT NULL,
  recipients VARCHAR(40000) NOT NULL,
  body       VARCHAR(65536) NOT NULL,
  CONSTRAINT message_contents_pk PRIMARY KEY (message_id)
);

INSERT INTO message_contents (message_id, recipients, body)
  SELECT message_id, MIN(recipients), MIN(body) FROM copies GROUP BY message_id;

-- the listing's preview: filled by step 11.1 for the copies written before, by the library afterwards
ALTER TABLE copies ADD COLUMN preview VARCHAR(240);

ALTER TABLE copies DROP COLUMN body;

-- the recipients a listing shows: on the sender's copy only
ALTER TABLE copies ALTER COLUMN recipients DROP NOT NULL;

UPDATE copies SET recipients = NULL WHERE sender_id IS NULL OR sender_id <> owner_id;
