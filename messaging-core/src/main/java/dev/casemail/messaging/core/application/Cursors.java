package dev.casemail.messaging.core.application;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.PageCursor;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.paging.PageKey;
import dev.casemail.messaging.core.port.Store;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Encodes a page's continuation point as an opaque cursor bound to one listing (a folder, a thread,
 * the drafts) of one participant, and authenticated: a cursor carries an HMAC-SHA256 under the
 * storage's cursor secret ({@code CursorSecrets}) over the listing, the participant and the position,
 * so a cursor changed in any character, forged, or used by another participant or on another listing
 * is refused. The secret is shared through the storage, so every service instance on one database
 * accepts the cursors of every other.
 *
 * <p>Layout, 48 bytes in unpadded base64url (64 characters, no unused bits): version, scope, listing
 * (8), seconds (8), nanoseconds (4), id (8), MAC (18). The participant is part of the MAC only, so a
 * cursor does not spell out whose it is.
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

  /** One listing of one participant. */
  record Listing(Scope scope, ParticipantId owner, long id) {}

  private static final byte VERSION = 3;
  private static final int PAYLOAD = 30;
  private static final int MAC = 18;
  private static final int LENGTH = PAYLOAD + MAC;
  private static final byte[] DOMAIN = "casemail page cursor".getBytes(StandardCharsets.US_ASCII);

  /** The HMAC under the storage's secret, made once: making it is dearer than computing it. */
  private volatile HashFunction mac;

  PageCursor encode(Store store, Listing listing, PageKey key) {
    ByteBuffer bytes = ByteBuffer.allocate(LENGTH);
    bytes.put(VERSION).put((byte) listing.scope().tag).putLong(listing.id())
        .putLong(key.at().getEpochSecond()).putInt(key.at().getNano()).putLong(key.id());
    bytes.put(mac(store, listing.owner(), Arrays.copyOf(bytes.array(), PAYLOAD)));
    return new PageCursor(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array()));
  }

  /**
   * The position a cursor continues after.
   *
   * @throws InvalidInputException if the cursor was not issued by {@link #encode} for this listing
   */
  Optional<PageKey> decode(Store store, Optional<PageCursor> cursor, Listing listing) {
    if (cursor.isEmpty()) {
      return Optional.empty();
    }
    String token = cursor.get().token();
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw notACursor();
    }
    // the decoder ignores nothing here (no padding, no unused bits at 48 bytes), and the check below
    // refuses any token that is not the one encoding of its bytes
    if (raw.length != LENGTH || !Base64.getUrlEncoder().withoutPadding().encodeToString(raw).equals(token)) {
      throw notACursor();
    }
    ByteBuffer bytes = ByteBuffer.wrap(raw);
    if (bytes.get() != VERSION) {
      throw notACursor();
    }
    byte scope = bytes.get();
    long listingId = bytes.getLong();
    long seconds = bytes.getLong();
    int nanos = bytes.getInt();
    long id = bytes.getLong();
    byte[] expected = mac(store, listing.owner(), Arrays.copyOf(raw, PAYLOAD));
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, PAYLOAD, LENGTH))) {
      throw notACursor();
    }
    if (scope != (byte) listing.scope().tag || listingId != listing.id()) {
      throw new InvalidInputException("cursor", "was issued for another listing");
    }
    return Optional.of(new PageKey(Instant.ofEpochSecond(seconds, nanos), id));
  }

  private byte[] mac(Store store, ParticipantId owner, byte[] payload) {
    byte[] owned = owner.value().getBytes(StandardCharsets.UTF_8);
    byte[] full = mac(store).newHasher()
        .putBytes(DOMAIN)
        .putInt(owned.length)
        .putBytes(owned)
        .putBytes(payload)
        .hash()
        .asBytes();
    return Arrays.copyOf(full, MAC);
  }

  /** The HMAC under the storage's cursor secret, read once: it never changes. */
  private HashFunction mac(Store store) {
    HashFunction known = mac;
    if (known == null) {
      byte[] secret = store.cursorSecrets().cursorSecret();
      if (secret.length < 32) {
        throw new IllegalStateException("the storage's cursor secret is shorter than 32 bytes");
      }
      known = Hashing.hmacSha256(secret);
      mac = known;
    }
    return known;
  }

  private static InvalidInputException notACursor() {
    return new InvalidInputException("cursor", "is not a cursor issued by this library for this listing");
  }
}
