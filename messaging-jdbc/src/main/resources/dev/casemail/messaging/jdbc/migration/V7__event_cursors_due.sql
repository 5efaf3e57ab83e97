-- casemail messaging, schema version 7: what a lease needs to know that every mailbox with events
-- has a cursor of its consumer, without looking at every mailbox.
--
-- Written in the SQL that PostgreSQL and H2 share. A consumer has a cursor only for mailboxes with
-- events, one each, and none is ever deleted: so when the number of its cursors equals the number of
-- mailboxes with events, none is missing, and a lease skips the insert of the missing ones.

-- how many mailboxes have events (event_count > 0): one row, raised in the transaction that writes a
-- mailbox's first event, so it counts committed first events only, whatever order they commit in
CREATE TABLE outbox_totals (
  singleton             INTEGER NOT NULL,
  mailboxes_with_events BIGINT  NOT NULL,
  CONSTRAINT outbox_totals_pk PRIMARY KEY (singleton),
  CONSTRAINT outbox_totals_one_row CHECK (singleton = 1)
);
INSERT INTO outbox_totals (singleton, mailboxes_with_events)
  SELECT 1, COUNT(*) FROM mailboxes WHERE event_count > 0;

-- how many cursors each consumer has: counted again by the lease that creates some, so it never counts
-- more than there are (at worst fewer, which only makes a lease look for missing ones again)
ALTER TABLE event_consumers ADD COLUMN cursor_count BIGINT DEFAULT 0 NOT NULL;
UPDATE event_consumers SET cursor_count =
  (SELECT COUNT(*) FROM event_cursors c WHERE c.consumer = event_consumers.consumer);

-- the registration check asks whether a consumer has dead events being replayed: found here without
-- reading its other dead events (and the replays found in the order a lease takes them)
CREATE INDEX event_dead_replays ON event_dead (consumer, replaying, died_at);
