-- casemail messaging, schema version 3: repairs what version 1 (and 2) stored but the library no
-- longer accepts, so that every mailbox reads again. No table changes shape.
--
-- Written in the SQL that PostgreSQL and H2 share. Instants are compared with the range the library
-- takes (InputRules.MIN_INSTANT and MAX_INSTANT: years 1 to 9999 UTC).

-- An auto-responder window that is empty (version 1 compared instants with nanoseconds and stored
-- microseconds, so a window from .000000100 to .000000400 was stored as from = until), or that ended
-- before year 1 or starts after 9999, never answered: the auto-responder becomes disabled, with no
-- window, its subject and body kept.
UPDATE auto_responders
   SET enabled = FALSE, active_from = NULL, active_until = NULL
 WHERE (active_from IS NOT NULL AND active_until IS NOT NULL AND active_from >= active_until)
    OR active_until < TIMESTAMP WITH TIME ZONE '0001-01-01 00:00:00+00:00'
    OR active_from > TIMESTAMP WITH TIME ZONE '9999-12-31 23:59:59.999999+00:00';

-- A start before year 1 meant "always"; an end after 9999 meant "never ends".
UPDATE auto_responders
   SET active_from = NULL
 WHERE active_from < TIMESTAMP WITH TIME ZONE '0001-01-01 00:00:00+00:00';

UPDATE auto_responders
   SET active_until = NULL
 WHERE active_until > TIMESTAMP WITH TIME ZONE '9999-12-31 23:59:59.999999+00:00';

-- Single-line texts no longer hold the bidirectional embedding, override and isolate controls
-- (U+202A to U+202E, U+2066 to U+2069). Sent messages are evidence and are never rewritten (the
-- library reads their subjects as stored); a draft's subject and an auto-responder's subject are not
-- evidence, and the library checks them when it reads them: the controls are removed.
UPDATE drafts
   SET subject = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(subject,
         CHR(8234), ''), CHR(8235), ''), CHR(8236), ''), CHR(8237), ''), CHR(8238), ''),
         CHR(8294), ''), CHR(8295), ''), CHR(8296), ''), CHR(8297), '')
 WHERE POSITION(CHR(8234) IN subject) > 0 OR POSITION(CHR(8235) IN subject) > 0
    OR POSITION(CHR(8236) IN subject) > 0 OR POSITION(CHR(8237) IN subject) > 0
    OR POSITION(CHR(8238) IN subject) > 0 OR POSITION(CHR(8294) IN subject) > 0
    OR POSITION(CHR(8295) IN subject) > 0 OR POSITION(CHR(8296) IN subject) > 0
    OR POSITION(CHR(8297) IN subject) > 0;

UPDATE auto_responders
   SET subject = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(subject,
         CHR(8234), ''), CHR(8235), ''), CHR(8236), ''), CHR(8237), ''), CHR(8238), ''),
         CHR(8294), ''), CHR(8295), ''), CHR(8296), ''), CHR(8297), '')
 WHERE POSITION(CHR(8234) IN subject) > 0 OR POSITION(CHR(8235) IN subject) > 0
    OR POSITION(CHR(8236) IN subject) > 0 OR POSITION(CHR(8237) IN subject) > 0
    OR POSITION(CHR(8238) IN subject) > 0 OR POSITION(CHR(8294) IN subject) > 0
    OR POSITION(CHR(8295) IN subject) > 0 OR POSITION(CHR(8296) IN subject) > 0
    OR POSITION(CHR(8297) IN subject) > 0;

-- An enabled auto-responder needs a subject with something visible in it. One that holds only
-- invisible characters, which version 1 accepted (whitespace other than spaces, and the zero-width
-- and other default-ignorable characters of the Basic Multilingual Plane, listed here), or only the
-- controls removed above, is disabled; its subject reads back as empty.
UPDATE auto_responders
   SET enabled = FALSE
 WHERE enabled = TRUE
   AND TRIM(TRANSLATE(subject,
         U&'\00A0\00AD\034F\061C\115F\1160\1680\17B4\17B5\180B\180C\180D\180E\180F'
         || U&'\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200A\200B\200C\200D\200E\200F'
         || U&'\2028\2029\202A\202B\202C\202D\202E\202F\205F'
         || U&'\2060\2061\2062\2063\2064\2065\2066\2067\2068\2069\206A\206B\206C\206D\206E\206F'
         || U&'\3000\3164\FE00\FE01\FE02\FE03\FE04\FE05\FE06\FE07\FE08\FE09\FE0A\FE0B\FE0C\FE0D'
         || U&'\FE0E\FE0F\FEFF\FFA0\FFF0\FFF1\FFF2\FFF3\FFF4\FFF5\FFF6\FFF7\FFF8',
         REPEAT(' ', 84))) = '';
