-- casemail messaging, schema version 2.
--
-- Written in the SQL that PostgreSQL and H2 share; applied to a database that version 1 wrote, it
-- keeps every row.

-- secrets the library keeps for all its service instances: the key page cursors are authenticated
-- with ('cursor'), created by the first call that needs it. A small table read by every mailbox: a
-- reference table in Citus terms.
CREATE TABLE casemail_keys (
  key_name  VARCHAR(64)  NOT NULL,
  key_value VARCHAR(256) NOT NULL,
  CONSTRAINT casemail_keys_pk PRIMARY KEY (key_name)
);

-- how many events each access link has had, so that its latest events are one range of
-- access_events' primary key (owner_id, counterpart_id, seq) however long the history grows
ALTER TABLE access_links ADD COLUMN event_count INTEGER;

UPDATE access_links SET event_count = (
  SELECT COUNT(*) FROM access_events e
  WHERE e.owner_id = access_links.owner_id AND e.counterpart_id = access_links.counterpart_id);

ALTER TABLE access_links ALTER COLUMN event_count SET NOT NULL;
