-- casemail messaging, schema version 7: what a lease needs to know that every mailbox with events
-- has a cursor of its consumer, without looking at every mailbox.
--
-- Written in the SQL that PostgreSQL and H2 share. A lease used to look for missing cursors among
-- every mailbox; now it looks among the mailboxes listed here, and only a consumer's first lease (and
-- the first after this upgrade) looks at every mailbox.

-- the mailboxes whose first event committed and for which some consumer may still lack a cursor:
-- inserted in the transaction of the mailbox's first event (each mailbox once, so writers of
-- different mailboxes never wait for each other here), so a row appears only when that event commits,
-- in whatever order first events commit; deleted by the lease that made every registered consumer's
-- cursor of the mailbox
CREATE TABLE event_cursors_due (
  owner_id VARCHAR(256) NOT NULL,
  CONSTRAINT event_cursors_due_pk PRIMARY KEY (owner_id)
);

-- whether the consumer's cursors were made once for every mailbox with events, after its registration
-- committed: from then on, every later first event is in event_cursors_due until the consumer has its
-- cursor. False for the consumers registered before this version: their next lease looks once.
ALTER TABLE event_consumers ADD COLUMN cursors_made BOOLEAN DEFAULT FALSE NOT NULL;

-- the registration check asks whether a consumer has dead events being replayed: found here without
-- reading its other dead events (and the replays found in the order a lease takes them)
CREATE INDEX event_dead_replays ON event_dead (consumer, replaying, died_at);
