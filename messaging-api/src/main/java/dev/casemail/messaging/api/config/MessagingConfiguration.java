package dev.casemail.messaging.api.config;

import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.api.TimestampAuthority;
import dev.casemail.messaging.api.blob.BlobStore;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a host may set when it builds a {@code Messaging}: the clock, the access policy, the retries
 * after a lost race (and who is told of them), the access request limit and the record's keys. Every
 * storage adapter's factory takes one ({@code InMemoryMessaging.create(configuration)},
 * {@code JdbcMessaging.create(dataSource, configuration)}); {@link #defaults()} is right for
 * production but for {@link #recordSigner()}, which a host that keeps evidence must set.
 *
 * <pre>{@code
 * MessagingConfiguration configuration = MessagingConfiguration.builder()
 *     .accessPolicy(new DefaultAccessPolicy())
 *     .clock(Clock.systemUTC())
 *     .build();
 * }</pre>
 *
 * <p>It lives in {@code messaging-api} (this package) and names only the API's types and the JDK's, so
 * a host builds it without importing {@code messaging-core}. An immutable value: the builder copies
 * what it is given, and one configuration may build any number of libraries.
 *
 * <p>Like the API's commands, a wrong value is an {@link InvalidInputException} naming it: every setter
 * of the builder refuses a null, and {@link Builder#build()} an attempt count below 1 or a request
 * limit out of range. (The generated builder is a package-private detail, as in the rest of the API,
 * so that its final setters cannot fail with a {@link NullPointerException}.)
 */
@Value.Immutable
public abstract class MessagingConfiguration {

  /** The default of {@link #maxAttempts()}. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  /** The most {@link #accessRequestLimit()} may be. */
  public static final int MAX_ACCESS_REQUEST_LIMIT = 1000;
  /** The shortest {@link #accessRequestPeriod()} may be. */
  public static final Duration MIN_ACCESS_REQUEST_PERIOD = Duration.ofMinutes(1);
  /** The longest {@link #accessRequestPeriod()} may be. */
  public static final Duration MAX_ACCESS_REQUEST_PERIOD = Duration.ofDays(3660);

  /** One mebibyte, the unit of the attachment limits. */
  public static final long MIB = 1024L * 1024;
  /** The default of {@link #maxAttachmentBytes()}: 25 MiB. */
  public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 25 * MIB;
  /** The most {@link #maxAttachmentBytes()} may be: 100 MiB. */
  public static final long MAX_ATTACHMENT_BYTES = 100 * MIB;
  /** The default of {@link #maxAttachmentBytesPerMessage()}: 50 MiB. */
  public static final long DEFAULT_MAX_ATTACHMENT_BYTES_PER_MESSAGE = 50 * MIB;
  /** The default of {@link #attachmentQuotaBytes()}: 2 GiB per mailbox. */
  public static final long DEFAULT_ATTACHMENT_QUOTA_BYTES = 2048 * MIB;
  /**
   * The default of {@link #attachmentTypes()}: PDF, PNG, JPEG, HEIC, Word and Excel (OOXML and the legacy
   * OLE2 formats), OpenDocument text and spreadsheet, and plain text.
   */
  public static final Set<String> DEFAULT_ATTACHMENT_TYPES = Set.of(
      "application/pdf",
      "image/png",
      "image/jpeg",
      "image/heic",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/msword",
      "application/vnd.ms-excel",
      "application/vnd.oasis.opendocument.text",
      "application/vnd.oasis.opendocument.spreadsheet",
      "text/plain");

  MessagingConfiguration() {}

  /**
   * The time source of sent times, first-viewed times, access request limits, auto-responder windows
   * and new ids; default the UTC system clock. A host's tests pass a clock they move by hand (README,
   * "Testing your integration").
   */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  /** Who may message whom; default {@link DefaultAccessPolicy}. */
  @Value.Default
  public AccessPolicy accessPolicy() {
    return new DefaultAccessPolicy();
  }

  /**
   * How often a call that lost a race in storage is tried in all before it fails with a
   * {@code ConflictException}; at least 1, default {@value #DEFAULT_MAX_ATTEMPTS}.
   */
  @Value.Default
  public int maxAttempts() {
    return DEFAULT_MAX_ATTEMPTS;
  }

  /** Who is told of each retry after a lost race, for metrics; default {@link RetryListener#NONE}. */
  @Value.Default
  public RetryListener retryListener() {
    return RetryListener.NONE;
  }

  /**
   * How many access requests one requester may make to one participant within
   * {@link #accessRequestPeriod()}; 1 to {@value #MAX_ACCESS_REQUEST_LIMIT}, default 3. Bounds the action
   * items an unwelcome requester can post.
   */
  @Value.Default
  public int accessRequestLimit() {
    return 3;
  }

  /** The period {@link #accessRequestLimit()} counts requests in; 1 minute to 3660 days, default 30 days. */
  @Value.Default
  public Duration accessRequestPeriod() {
    return Duration.ofDays(30);
  }

  /**
   * The host's key, which signs the heads of mailboxes' records (exports, {@code recordHead()}):
   * {@code RecordSigners.ed25519(privateKeyPem, publicKeyPem)} for an Ed25519 key the host keeps, or a
   * signer of the host's own (a hardware security module). When absent (the default) each library
   * generates a key the first time it signs, and says so in a warning: fine for a demo, useless for
   * evidence, since nobody keeps that key's public half.
   */
  public abstract Optional<RecordSigner> recordSigner();

  /**
   * The public keys that signed record heads before {@link #recordSigner()}'s key, once the host has
   * changed its key; none by default. An export checks that every earlier export's head was signed by the
   * record key or one of these before it hands those heads on: a head signed by a key the library does not
   * know could have been changed, and is refused (so with the default key, generated anew by every
   * library, a record exported by an earlier process cannot be exported again).
   */
  public abstract List<PublicKey> formerRecordKeys();

  /** An RFC 3161 time-stamping authority that time-stamps every export's signed head; none by default. */
  public abstract Optional<TimestampAuthority> timestampAuthority();

  /**
   * Where attachments' bytes are kept. When absent (the default) each adapter uses its own: the
   * in-memory adapter keeps them in memory, the JDBC adapter in its database, next to the messages.
   */
  public abstract Optional<BlobStore> blobStore();

  /**
   * The largest file one attachment may be, in bytes; 1 to {@value #MAX_ATTACHMENT_BYTES} (100 MiB),
   * default {@value #DEFAULT_MAX_ATTACHMENT_BYTES} (25 MiB).
   */
  @Value.Default
  public long maxAttachmentBytes() {
    return DEFAULT_MAX_ATTACHMENT_BYTES;
  }

  /**
   * The most bytes the files of one message (or draft) may have together; at least
   * {@link #maxAttachmentBytes()}, at most 20 times {@value #MAX_ATTACHMENT_BYTES}, default
   * {@value #DEFAULT_MAX_ATTACHMENT_BYTES_PER_MESSAGE} (50 MiB).
   */
  @Value.Default
  public long maxAttachmentBytesPerMessage() {
    return DEFAULT_MAX_ATTACHMENT_BYTES_PER_MESSAGE;
  }

  /**
   * The storage quota of one mailbox, in bytes: the files of the messages its owner sent and of the
   * drafts they keep may not have more bytes together (each attachment counted, however often the same
   * bytes are attached; received files do not count). At least 1, default
   * {@value #DEFAULT_ATTACHMENT_QUOTA_BYTES} (2 GiB).
   */
  @Value.Default
  public long attachmentQuotaBytes() {
    return DEFAULT_ATTACHMENT_QUOTA_BYTES;
  }

  /**
   * The content types an attachment may have, as detected from its bytes (lowercase {@code type/subtype},
   * no parameters); default {@link #DEFAULT_ATTACHMENT_TYPES}. At least one.
   */
  @Value.Default
  public Set<String> attachmentTypes() {
    return DEFAULT_ATTACHMENT_TYPES;
  }

  @Value.Check
  void check() {
    if (maxAttachmentBytes() < 1 || maxAttachmentBytes() > MAX_ATTACHMENT_BYTES) {
      throw new InvalidInputException(
          "maxAttachmentBytes", "must be from 1 to " + MAX_ATTACHMENT_BYTES + " (was " + maxAttachmentBytes() + ")");
    }
    if (maxAttachmentBytesPerMessage() < maxAttachmentBytes()
        || maxAttachmentBytesPerMessage() > InputRules.MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES) {
      throw new InvalidInputException(
          "maxAttachmentBytesPerMessage",
          "must be from maxAttachmentBytes to " + InputRules.MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES
              + " (was " + maxAttachmentBytesPerMessage() + ")");
    }
    if (attachmentQuotaBytes() < 1) {
      throw new InvalidInputException("attachmentQuotaBytes", "must be at least 1 (was " + attachmentQuotaBytes() + ")");
    }
    if (attachmentTypes().isEmpty()) {
      throw new InvalidInputException("attachmentTypes", "must hold at least one type");
    }
    for (String type : attachmentTypes()) {
      if (!type.matches("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")) {
        throw new InvalidInputException("attachmentTypes", "must hold lowercase type/subtype names (was " + type + ")");
      }
    }
    if (maxAttempts() < 1) {
      throw new InvalidInputException("maxAttempts", "must be at least 1 (was " + maxAttempts() + ")");
    }
    if (accessRequestLimit() < 1 || accessRequestLimit() > MAX_ACCESS_REQUEST_LIMIT) {
      throw new InvalidInputException(
          "accessRequestLimit", "must be from 1 to " + MAX_ACCESS_REQUEST_LIMIT + " (was " + accessRequestLimit() + ")");
    }
    if (accessRequestPeriod().compareTo(MIN_ACCESS_REQUEST_PERIOD) < 0
        || accessRequestPeriod().compareTo(MAX_ACCESS_REQUEST_PERIOD) > 0) {
      throw new InvalidInputException(
          "accessRequestPeriod", "must be from 1 minute to 3660 days (was " + accessRequestPeriod() + ")");
    }
  }

  /** The production defaults (with a generated record key: see {@link #recordSigner()}). */
  public static MessagingConfiguration defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link MessagingConfiguration}. Every setter refuses a null with an
   * {@link InvalidInputException} naming the value and leaves the builder as it was; {@link #build()}
   * checks the ranges.
   */
  public static final class Builder {
    private final ImmutableMessagingConfiguration.Builder values = new ImmutableMessagingConfiguration.Builder();

    /** A builder starting from the defaults, as {@link MessagingConfiguration#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code configuration}. @throws InvalidInputException if it is null */
    public Builder from(MessagingConfiguration configuration) {
      values.from(InputRules.required("configuration", configuration));
      return this;
    }

    /** Sets the time source. @throws InvalidInputException if it is null */
    public Builder clock(Clock clock) {
      values.clock(InputRules.required("clock", clock));
      return this;
    }

    /** Sets who may message whom. @throws InvalidInputException if it is null */
    public Builder accessPolicy(AccessPolicy accessPolicy) {
      values.accessPolicy(InputRules.required("accessPolicy", accessPolicy));
      return this;
    }

    /** Sets how often a call that lost a race is tried in all; {@link #build()} refuses less than 1. */
    public Builder maxAttempts(int maxAttempts) {
      values.maxAttempts(maxAttempts);
      return this;
    }

    /** Sets who is told of each retry after a lost race. @throws InvalidInputException if it is null */
    public Builder retryListener(RetryListener retryListener) {
      values.retryListener(InputRules.required("retryListener", retryListener));
      return this;
    }

    /**
     * Sets how many access requests one requester may make to one participant per period;
     * {@link #build()} refuses less than 1 or more than {@value MessagingConfiguration#MAX_ACCESS_REQUEST_LIMIT}.
     */
    public Builder accessRequestLimit(int accessRequestLimit) {
      values.accessRequestLimit(accessRequestLimit);
      return this;
    }

    /**
     * Sets the period the access request limit counts in; {@link #build()} refuses less than 1 minute or
     * more than 3660 days.
     *
     * @throws InvalidInputException if it is null
     */
    public Builder accessRequestPeriod(Duration accessRequestPeriod) {
      values.accessRequestPeriod(InputRules.required("accessRequestPeriod", accessRequestPeriod));
      return this;
    }

    /** Sets the signer of record heads. @throws InvalidInputException if it is null */
    public Builder recordSigner(RecordSigner recordSigner) {
      values.recordSigner(InputRules.required("recordSigner", recordSigner));
      return this;
    }

    /**
     * Sets the public keys that signed record heads before the record signer's key.
     *
     * @throws InvalidInputException if the list or a key in it is null
     */
    public Builder formerRecordKeys(List<PublicKey> formerRecordKeys) {
      InputRules.required("formerRecordKeys", formerRecordKeys).forEach(key -> InputRules.required("formerRecordKeys", key));
      values.formerRecordKeys(formerRecordKeys);
      return this;
    }

    /** Sets the time-stamping authority of exports. @throws InvalidInputException if it is null */
    public Builder timestampAuthority(TimestampAuthority timestampAuthority) {
      values.timestampAuthority(InputRules.required("timestampAuthority", timestampAuthority));
      return this;
    }

    /** Sets or clears the time-stamping authority of exports. @throws InvalidInputException if the optional is null */
    public Builder timestampAuthority(Optional<? extends TimestampAuthority> timestampAuthority) {
      values.timestampAuthority(InputRules.required("timestampAuthority", timestampAuthority));
      return this;
    }

    /** Sets where attachments' bytes are kept. @throws InvalidInputException if it is null */
    public Builder blobStore(BlobStore blobStore) {
      values.blobStore(InputRules.required("blobStore", blobStore));
      return this;
    }

    /** Sets the largest attachment, in bytes; {@link #build()} refuses less than 1 or more than 100 MiB. */
    public Builder maxAttachmentBytes(long maxAttachmentBytes) {
      values.maxAttachmentBytes(maxAttachmentBytes);
      return this;
    }

    /** Sets the most bytes of one message's files together; {@link #build()} checks the range. */
    public Builder maxAttachmentBytesPerMessage(long maxAttachmentBytesPerMessage) {
      values.maxAttachmentBytesPerMessage(maxAttachmentBytesPerMessage);
      return this;
    }

    /** Sets the storage quota of one mailbox, in bytes; {@link #build()} refuses less than 1. */
    public Builder attachmentQuotaBytes(long attachmentQuotaBytes) {
      values.attachmentQuotaBytes(attachmentQuotaBytes);
      return this;
    }

    /**
     * Sets the content types attachments may have.
     *
     * @throws InvalidInputException if the set or a type in it is null
     */
    public Builder attachmentTypes(Set<String> attachmentTypes) {
      InputRules.required("attachmentTypes", attachmentTypes).forEach(type -> InputRules.required("attachmentTypes", type));
      values.attachmentTypes(Set.copyOf(attachmentTypes));
      return this;
    }

    /**
     * The configuration.
     *
     * @throws InvalidInputException if {@code maxAttempts} is below 1 or the access request limit or
     *     period or an attachment limit is out of range
     */
    public MessagingConfiguration build() {
      return values.build();
    }
  }
}
