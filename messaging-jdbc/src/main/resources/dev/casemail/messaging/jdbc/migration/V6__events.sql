-- casemail messaging, schema version 6: events out, a transactional outbox.
--
-- Written in the SQL that PostgreSQL and H2 share; applied to a database an earlier version wrote, it
-- keeps every row (and writes no event for what happened before it). Every table is keyed by the
-- mailbox's owner first, or by a consumer and the owner, like the rest of the schema.

-- how many events each mailbox has: kept on the mailbox's own row, which every write locks first and
-- reads this with, so a mailbox's events are numbered 1, 2, 3, … without gaps in commit order
ALTER TABLE mailboxes ADD COLUMN event_count BIGINT DEFAULT 0 NOT NULL;

-- the events; never a subject or a body. event_type is an EventType's name; the other columns are
-- the type's fields (null where the type carries none)
CREATE TABLE outbox_events (
  owner_id       VARCHAR(256) NOT NULL,
  event_number   BIGINT       NOT NULL,
  event_type     VARCHAR(32)  NOT NULL,
  occurred_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  message_id     BIGINT,
  thread_id      BIGINT,
  message_kind   VARCHAR(16),
  counterpart_id VARCHAR(256),
  export_number  BIGINT,
  CONSTRAINT outbox_events_pk PRIMARY KEY (owner_id, event_number)
);

CREATE TABLE event_consumers (
  consumer      VARCHAR(64) NOT NULL,
  registered_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT event_consumers_pk PRIMARY KEY (consumer)
);

-- where each consumer stands in each mailbox's events: settled_through (every event up to it is
-- acknowledged or dead) and the lease that holds the next ones up to leased_through, if any; a lease
-- is taken with SELECT … FOR UPDATE SKIP LOCKED on these rows. Without a token, leased_until is when
-- the mailbox may be leased again after a failure.
CREATE TABLE event_cursors (
  consumer        VARCHAR(64)  NOT NULL,
  owner_id        VARCHAR(256) NOT NULL,
  settled_through BIGINT       NOT NULL,
  lease_token     VARCHAR(64),
  leased_until    TIMESTAMP(6) WITH TIME ZONE,
  leased_through  BIGINT       NOT NULL,
  attempts        INTEGER      NOT NULL,
  served_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT event_cursors_pk PRIMARY KEY (consumer, owner_id)
);
CREATE INDEX event_cursors_serving ON event_cursors (consumer, served_at, owner_id);

-- the events a consumer gave up on, and their replays
CREATE TABLE event_dead (
  consumer     VARCHAR(64)   NOT NULL,
  owner_id     VARCHAR(256)  NOT NULL,
  event_number BIGINT        NOT NULL,
  attempts     INTEGER       NOT NULL,
  reason       VARCHAR(4000) NOT NULL,
  died_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  replaying    BOOLEAN       NOT NULL,
  lease_token  VARCHAR(64),
  leased_until TIMESTAMP(6) WITH TIME ZONE,
  CONSTRAINT event_dead_pk PRIMARY KEY (consumer, owner_id, event_number)
);
CREATE INDEX event_dead_listing ON event_dead (consumer, died_at);
