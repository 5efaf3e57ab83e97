package dev.casemail.messaging.core.application;

import com.google.common.hash.Hashing;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.PageCursor;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.paging.PageKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Encodes a page's continuation point as an opaque cursor bound to one listing (a folder, a thread,
 * the drafts) of one participant, so a cursor cannot be replayed against another listing. Folder ids
 * of system folders and thread ids are the same in every mailbox, so the listing alone would let one
 * participant's cursor pass in another's mailbox: the owner is part of the binding (as a hash, so a
 * cursor does not spell out whose it is).
 */
final class Cursors {

  enum Scope {
    FOLDER('f'),
    THREAD('t'),
    DRAFTS('d');

    final char tag;

    Scope(char tag) {
      this.tag = tag;
    }
  }

  private static final String VERSION = "2";

  private Cursors() {}

  static PageCursor encode(Scope scope, ParticipantId owner, long listing, PageKey key) {
    String plain = VERSION + ":" + scope.tag + ":" + ownerTag(owner) + ":" + listing + ":"
        + key.at().getEpochSecond() + ":" + key.at().getNano() + ":" + key.id();
    return new PageCursor(Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII)));
  }

  /** @throws InvalidInputException if the cursor was not issued by {@link #encode} for this listing */
  static Optional<PageKey> decode(Optional<PageCursor> cursor, Scope scope, ParticipantId owner, long listing) {
    if (cursor.isEmpty()) {
      return Optional.empty();
    }
    String[] parts;
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor.get().token()), StandardCharsets.US_ASCII);
      parts = plain.split(":", -1);
    } catch (IllegalArgumentException e) {
      throw notACursor();
    }
    if (parts.length != 7 || !parts[0].equals(VERSION) || parts[1].length() != 1) {
      throw notACursor();
    }
    try {
      if (parts[1].charAt(0) != scope.tag
          || !parts[2].equals(ownerTag(owner))
          || Long.parseLong(parts[3]) != listing) {
        throw new InvalidInputException("cursor", "was issued for another listing");
      }
      Instant at = Instant.ofEpochSecond(Long.parseLong(parts[4]), Long.parseLong(parts[5]));
      return Optional.of(new PageKey(at, Long.parseLong(parts[6])));
    } catch (NumberFormatException | java.time.DateTimeException | ArithmeticException e) {
      throw notACursor();
    }
  }

  private static String ownerTag(ParticipantId owner) {
    return Long.toHexString(Hashing.murmur3_128().hashString(owner.value(), StandardCharsets.UTF_8).asLong());
  }

  private static InvalidInputException notACursor() {
    return new InvalidInputException("cursor", "is not a cursor issued by this library");
  }
}
