-- casemail messaging, schema version 8: what a write learns from the mailbox rows it locks, so that a
-- send reads neither the sender's access links nor the settings of recipients without an
-- auto-responder when nothing there can have changed.
--
-- Written in the SQL that PostgreSQL and H2 share. Both columns are written only by a transaction
-- that holds the row's lock (every write locks the rows of the mailboxes it writes) and read with
-- that lock, so what a lock reads is what the last committed write of the mailbox left, whichever
-- service instance wrote it.

-- the version of the owner's access links, moved on by one by every transaction that changes a link
-- stored under the owner (access_links.owner_id): a service instance may keep the links it read at a
-- version and use them again while the locked row still has that version. Every instance writing to
-- the database must be of schema version 8 or later: an older one changes links without moving it.
ALTER TABLE mailboxes ADD COLUMN links_version BIGINT DEFAULT 0 NOT NULL;

-- whether the owner ever saved auto-responder settings (a row in auto_responders, which is never
-- deleted): a mailbox without one has no auto-responder to read
ALTER TABLE mailboxes ADD COLUMN auto_responder_saved BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE mailboxes SET auto_responder_saved = TRUE WHERE owner_id IN (SELECT owner_id FROM auto_responders);
