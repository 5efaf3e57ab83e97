package dev.casemail.messaging.api;

/**
 * An RFC 3161 time-stamping authority (optional): it time-stamps the signed head of each export, so
 * that a third party attests when the record had that head.
 *
 * <p>Implementations must be thread-safe.
 */
public interface TimestampAuthority {

  /**
   * A time-stamp token (the DER encoding of an RFC 3161 {@code TimeStampToken}) over the SHA-256
   * {@code digest}.
   */
  byte[] timestamp(byte[] digest);
}
