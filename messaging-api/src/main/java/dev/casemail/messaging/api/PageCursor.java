package dev.casemail.messaging.api;

/**
 * Where the next page of a read continues. Opaque: pass back exactly what a page returned, to the
 * same read by the same participant; a cursor given to another folder or thread, or used by another
 * participant, is an {@link InvalidInputException}.
 *
 * @param token the encoded position
 */
public record PageCursor(String token) {

  /** @throws InvalidInputException if the token is blank, too long, or not single-line text */
  public PageCursor {
    String checked = InputRules.singleLine("cursor", token, 512);
    if (!checked.equals(token)) {
      throw new InvalidInputException("cursor", "is not a cursor issued by this library");
    }
  }

  /** The token itself. */
  @Override
  public String toString() {
    return token;
  }
}
