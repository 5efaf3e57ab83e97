package dev.casemail.messaging.jdbc;

import com.google.common.io.BaseEncoding;
import dev.casemail.messaging.core.paging.CursorSecrets;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The table {@code casemail_keys}, row {@code cursor}: the secret every service instance on the
 * database authenticates page cursors with. The first call that needs it creates it; two instances
 * creating it at once meet at the primary key, and the loser's call is retried and reads the winner's.
 */
final class CursorSecretRows implements CursorSecrets {

  static final String NAME = "cursor";
  private static final int BYTES = 32;

  private final Sql sql;

  CursorSecretRows(Sql sql) {
    this.sql = sql;
  }

  @Override
  public byte[] cursorSecret() {
    Optional<String> stored = read();
    if (stored.isPresent()) {
      return BaseEncoding.base16().decode(stored.get());
    }
    byte[] secret = new byte[BYTES];
    new SecureRandom().nextBytes(secret);
    String encoded = BaseEncoding.base16().encode(secret);
    // even a read creates it: a cursor is first needed by a read
    sql.update("INSERT INTO casemail_keys (key_name, key_value) VALUES (?, ?)", NAME, encoded);
    return secret;
  }

  private Optional<String> read() {
    return sql.queryOne("SELECT key_value FROM casemail_keys WHERE key_name = ?", row -> row.getString(1), NAME);
  }
}
