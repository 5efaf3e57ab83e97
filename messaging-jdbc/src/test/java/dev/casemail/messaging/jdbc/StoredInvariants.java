package dev.casemail.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.SystemFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * What must hold in the tables after any concurrent calls, read straight from the database behind the
 * API's back: kept counts equal a recount, every copy sits in a real folder that exists, both stored
 * sides of an access link agree. Shared by the tests that race service instances on one database.
 */
final class StoredInvariants {

  private StoredInvariants() {}

  /** Every stored personal copy, as "owner message". */
  static Set<String> personalCopies(DataSource dataSource) {
    return TestSql.rows(dataSource, "SELECT owner_id, message_id FROM copies WHERE kind = 'PERSONAL'").stream()
        .map(row -> row.get(0) + " " + row.get(1))
        .collect(Collectors.toSet());
  }

  /** Every kept count equals a recount of the copies (or drafts) it counts. */
  static void assertCountsEqualARecount(DataSource dataSource) {
    long allMessages = SystemFolder.ALL_MESSAGES.id().value();
    long drafts = SystemFolder.DRAFTS.id().value();
    List<List<Object>> folders = TestSql.rows(dataSource,
        "SELECT f.owner_id, f.folder_id, f.total, f.unread, COUNT(c.message_id),"
            + " COALESCE(SUM(CASE WHEN c.message_id IS NOT NULL AND c.opened_at IS NULL THEN 1 ELSE 0 END), 0)"
            + " FROM folders f LEFT JOIN copies c ON c.owner_id = f.owner_id"
            + " AND (c.folder_id = f.folder_id OR (f.folder_id = ? AND c.in_all))"
            + " WHERE f.folder_id <> ?"
            + " GROUP BY f.owner_id, f.folder_id, f.total, f.unread",
        allMessages, drafts);
    assertThat(folders).as("folders").isNotEmpty();
    List<String> drift = new ArrayList<>();
    for (List<Object> row : folders) {
      if (number(row.get(2)) != number(row.get(4)) || number(row.get(3)) != number(row.get(5))) {
        drift.add(row.get(0) + "'s folder " + row.get(1) + " counts " + row.get(2) + "/" + row.get(3)
            + " but holds " + row.get(4) + "/" + row.get(5));
      }
    }
    for (List<Object> row : TestSql.rows(dataSource,
        "SELECT f.owner_id, f.total, f.unread, (SELECT COUNT(*) FROM drafts d WHERE d.owner_id = f.owner_id)"
            + " FROM folders f WHERE f.folder_id = ?",
        drafts)) {
      if (number(row.get(1)) != number(row.get(3)) || number(row.get(2)) != 0) {
        drift.add(row.get(0) + "'s Drafts counts " + row.get(1) + "/" + row.get(2) + " but holds " + row.get(3));
      }
    }
    assertThat(drift).as("kept counts that differ from a recount (total/unread)").isEmpty();
  }

  static void assertEveryCopyIsInAFolderThatExists(DataSource dataSource) {
    assertThat(TestSql.column(dataSource,
            "SELECT c.owner_id || ' ' || c.message_id || ' in ' || c.folder_id FROM copies c"
                + " WHERE c.folder_id IN (?, ?)"
                + " OR NOT EXISTS"
                + " (SELECT 1 FROM folders f WHERE f.owner_id = c.owner_id AND f.folder_id = c.folder_id)",
            SystemFolder.ALL_MESSAGES.id().value(), SystemFolder.DRAFTS.id().value()))
        .as("copies outside a real folder that exists")
        .isEmpty();
  }

  /** Each link is stored under both sides, with the same status and requester. */
  static void assertBothSidesOfEveryAccessLinkAgree(DataSource dataSource) {
    assertThat(TestSql.column(dataSource,
            "SELECT a.owner_id || ' / ' || a.counterpart_id FROM access_links a LEFT JOIN access_links b"
                + " ON b.owner_id = a.counterpart_id AND b.counterpart_id = a.owner_id"
                + " WHERE b.owner_id IS NULL OR a.status <> b.status OR a.requested_by <> b.requested_by"))
        .as("access links whose two stored sides disagree")
        .isEmpty();
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }
}
