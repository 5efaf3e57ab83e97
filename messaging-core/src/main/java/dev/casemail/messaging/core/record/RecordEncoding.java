package dev.casemail.messaging.core.record;

import com.google.common.io.BaseEncoding;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.RecordContent;
import dev.casemail.messaging.api.RecordEntry;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.api.RecordedExport;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.SignedTreeHead;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one canonical byte encoding of record entries and of signed tree heads, version 1, specified in
 * {@code docs/record-format.md} precisely enough for an independent implementation (and checked
 * against the test vectors in {@code docs/record-test-vectors.json}).
 *
 * <p>Every integer is big-endian; a text is its length in bytes (u32) and its UTF-8; an instant is its
 * seconds since 1970-01-01T00:00:00Z (i64) and its nanoseconds (u32); an optional value is a byte 0
 * (absent) or 1 followed by the value; a list is its length (u32) followed by its items.
 */
public final class RecordEncoding {

  /** The version of the encoding, the first byte of every entry. */
  public static final int VERSION = 1;

  /** The kind byte of each entry. */
  public static final int MESSAGE = 1;
  public static final int FIRST_VIEW = 2;
  public static final int ACCESS_EVENT = 3;
  public static final int EXPORT = 4;

  /** What a signed head's bytes start with after the version byte, so that they are never an entry's. */
  static final String HEAD_LABEL = "casemail record tree head";

  private static final BaseEncoding HEX = BaseEncoding.base16().lowerCase();
  private static final HexFormat LOWER_HEX = HexFormat.of();

  private RecordEncoding() {}

  /** The bytes of an entry: what its leaf hash is SHA-256(0x00 ‖ …) of. */
  public static byte[] encode(RecordEntry entry) {
    Writer out = new Writer();
    out.u8(VERSION);
    RecordContent content = entry.content();
    out.u8(kind(content));
    out.text(entry.mailbox().value());
    out.u64(entry.index());
    if (content instanceof RecordedMessage message) {
      out.u64(message.id().value());
      out.u64(message.thread().value());
      out.text(message.kind().name());
      out.optional(message.sender(), out::participant);
      out.u32(message.recipients().size());
      message.recipients().forEach(out::participant);
      out.text(message.subject());
      out.text(message.body());
      out.instant(message.sentAt());
      out.optional(message.inReplyTo(), id -> out.u64(id.value()));
      out.u32(message.attachments().size());
      message.attachments().forEach(out::hash);
    } else if (content instanceof RecordedFirstView view) {
      out.u64(view.message().value());
      out.text(view.viewer().value());
      out.instant(view.viewedAt());
    } else if (content instanceof RecordedAccessEvent event) {
      out.text(event.practitioner().value());
      out.text(event.parent().value());
      out.u32(event.eventNumber());
      out.text(event.status().name());
      out.text(event.actor().value());
      out.instant(event.at());
    } else if (content instanceof RecordedExport export) {
      out.u64(export.exportNumber());
      out.scope(export.scope());
      out.optional(export.courtOrder(), out::text);
      out.instant(export.exportedAt());
    }
    return out.bytes();
  }

  /** SHA-256(0x00 ‖ {@link #encode}): the entry's leaf hash. */
  public static byte[] leafHash(RecordEntry entry) {
    return MerkleTree.leafHash(encode(entry));
  }

  /**
   * The bytes a head's signature is over: everything the head says except the signature.
   *
   * @throws IllegalArgumentException if {@code root} is not a SHA-256 hash (it is written without a
   *     length, so any other length would make two heads' bytes ambiguous)
   */
  public static byte[] signedBytes(
      ParticipantId mailbox, long size, byte[] root, Instant signedAt, String keyId, String algorithm) {
    if (root.length != MerkleTree.HASH_SIZE) {
      throw new IllegalArgumentException("a root has " + MerkleTree.HASH_SIZE + " bytes, not " + root.length);
    }
    Writer out = new Writer();
    out.u8(VERSION);
    out.text(HEAD_LABEL);
    out.text(mailbox.value());
    out.u64(size);
    out.raw(root);
    out.instant(signedAt);
    out.text(keyId);
    out.text(algorithm);
    return out.bytes();
  }

  /** The bytes the signature of {@code head} is over. */
  public static byte[] signedBytes(SignedTreeHead head) {
    return signedBytes(head.mailbox(), head.size(), HEX.decode(head.rootHash()), head.signedAt(), head.keyId(), head.algorithm());
  }

  /** The kind byte of a content. */
  public static int kind(RecordContent content) {
    if (content instanceof RecordedMessage) {
      return MESSAGE;
    }
    if (content instanceof RecordedFirstView) {
      return FIRST_VIEW;
    }
    if (content instanceof RecordedAccessEvent) {
      return ACCESS_EVENT;
    }
    return EXPORT;
  }

  /** Lowercase hex, as hashes are written everywhere outside the bytes. */
  public static String hex(byte[] bytes) {
    // the JDK's formatter: the same lowercase hex as Guava's, in a fraction of the time (a send writes
    // a leaf hash and a head per mailbox)
    return LOWER_HEX.formatHex(bytes);
  }

  /** The bytes of lowercase (or uppercase) hex. @throws IllegalArgumentException if it is not hex */
  public static byte[] unhex(String hex) {
    return HEX.decode(hex.toLowerCase(Locale.ROOT));
  }

  /** Writes the encoding's primitives. */
  private static final class Writer {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

    void u8(int value) {
      bytes.write(value);
    }

    void u32(long value) {
      if (value < 0 || value > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("not an unsigned 32-bit number: " + value);
      }
      raw(ByteBuffer.allocate(4).putInt((int) value).array());
    }

    void u64(long value) {
      if (value < 0) {
        throw new IllegalArgumentException("not an unsigned number: " + value);
      }
      raw(ByteBuffer.allocate(8).putLong(value).array());
    }

    void text(String value) {
      byte[] utf8 = utf8(value);
      u32(utf8.length);
      raw(utf8);
    }

    /**
     * The text's UTF-8. A text without surrogates (nearly every one) is encoded by String.getBytes, the
     * JDK's fast path; one with any goes through the strict encoder, which refuses an unpaired surrogate
     * (String.getBytes would write it as "?"). Both give the same bytes for every text that has UTF-8.
     */
    private static byte[] utf8(String value) {
      for (int i = 0; i < value.length(); i++) {
        if (Character.isSurrogate(value.charAt(i))) {
          return strictUtf8(value);
        }
      }
      return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] strictUtf8(String value) {
      ByteBuffer utf8;
      try {
        utf8 = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(value));
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException("a text of the record has no UTF-8 (an unpaired surrogate)", e);
      }
      return Arrays.copyOfRange(utf8.array(), utf8.arrayOffset() + utf8.position(), utf8.arrayOffset() + utf8.limit());
    }

    void instant(Instant value) {
      raw(ByteBuffer.allocate(12).putLong(value.getEpochSecond()).putInt(value.getNano()).array());
    }

    void participant(ParticipantView participant) {
      text(participant.id().value());
      text(participant.role().name());
      text(participant.displayName());
    }

    void hash(String hex) {
      byte[] hash = unhex(hex);
      if (hash.length != MerkleTree.HASH_SIZE) {
        throw new IllegalArgumentException("an attachment hash has " + MerkleTree.HASH_SIZE + " bytes: " + hex);
      }
      raw(hash);
    }

    void scope(RecordScope scope) {
      switch (scope.kind()) {
        case ALL:
          u8(0);
          break;
        case PERIOD:
          u8(1);
          instant(scope.from().orElseThrow());
          instant(scope.until().orElseThrow());
          break;
        default:
          u8(2);
          text(scope.counterpart().orElseThrow().value());
          break;
      }
    }

    <T> void optional(Optional<T> value, Consumer<T> write) {
      if (value.isPresent()) {
        u8(1);
        write.accept(value.get());
      } else {
        u8(0);
      }
    }

    void raw(byte[] value) {
      bytes.write(value, 0, value.length);
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }

}
