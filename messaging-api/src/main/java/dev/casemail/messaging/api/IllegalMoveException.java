package dev.casemail.messaging.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Thrown when a move breaks the folder rules. A batch move is all or nothing: when this is thrown no
 * message of the batch moved, and {@link #offending()} names every message that could not go, with
 * the reason.
 */
public final class IllegalMoveException extends MessagingException {
  private static final long serialVersionUID = 1L;

  private final Map<MessageId, String> offending;

  /** @param offending each message that may not move, with the reason */
  public IllegalMoveException(Map<MessageId, String> offending) {
    super("illegal move: " + describe(offending));
    this.offending = Collections.unmodifiableMap(new LinkedHashMap<>(offending));
  }

  /** Every message that may not move, with the reason, in the order of the request. */
  public Map<MessageId, String> offending() {
    return offending;
  }

  private static String describe(Map<MessageId, String> offending) {
    return offending.entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
  }
}
