-- casemail messaging, schema version 8: what a write learns from the mailbox rows it locks, so that a
-- send reads neither the sender's access links nor the recipients' auto-responders when nothing
-- there can have changed.
--
-- Written in the SQL that PostgreSQL and H2 share. Both columns are written only by a transaction
-- that holds the row's lock (every write locks the rows of the mailboxes it writes) and read with
-- that lock, so what a lock reads is what the last committed write of the mailbox left, whichever
-- service instance wrote it.

-- a stamp of the owner's access links, changed to a fresh random value by every transaction that
-- changes a link stored under the owner (access_links.owner_id): equal stamps mean the same links, so
-- an instance may keep the links it read with a stamp and use them again while the stamp is the same.
-- 0 is the stamp of the links as this version found them (a fresh random value is never 0).
ALTER TABLE mailboxes ADD COLUMN links_stamp BIGINT DEFAULT 0 NOT NULL;

-- whether the owner ever saved auto-responder settings (a row in auto_responders, which is never
-- deleted): a mailbox without one has no auto-responder to read
ALTER TABLE mailboxes ADD COLUMN auto_responder_saved BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE mailboxes SET auto_responder_saved = TRUE WHERE owner_id IN (SELECT owner_id FROM auto_responders);
