package dev.casemail.messaging.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown when a call would go past one of the library's limits on how much a participant may do: more
 * access requests to one participant in a period than allowed. Nothing was changed; the same call may
 * succeed later ({@link #retryAfter()}).
 */
public final class LimitExceededException extends MessagingException {
  private static final long serialVersionUID = 1L;

  private final String limit;
  private final Instant retryAfter;

  /**
   * @param limit which limit was reached, e.g. {@code "accessRequests"}
   * @param message what was refused and why
   * @param retryAfter when the same call would no longer go past the limit, if that is known
   */
  public LimitExceededException(String limit, String message, Optional<Instant> retryAfter) {
    super(message);
    this.limit = Objects.requireNonNull(limit, "limit");
    this.retryAfter = retryAfter.orElse(null);
  }

  /** Which limit was reached, e.g. {@code "accessRequests"}. */
  public String limit() {
    return limit;
  }

  /** When the same call would no longer go past the limit, if that is known. */
  public Optional<Instant> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
