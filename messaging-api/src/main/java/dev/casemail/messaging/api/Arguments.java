package dev.casemail.messaging.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The null checks of the API's builders: each refuses a null with an {@link InvalidInputException}
 * naming the field, before anything reaches the generated builder, so that a refused call leaves the
 * builder as it was.
 */
final class Arguments {

  private Arguments() {}

  /** One element of a collection. */
  static <T> T element(String field, T element) {
    if (element == null) {
      throw new InvalidInputException(field, "must not contain null");
    }
    return element;
  }

  /** The elements of an array, copied, none of them null. */
  static <T> List<T> elements(String field, T[] elements) {
    return elements(field, Arrays.asList(InputRules.required(field, elements)));
  }

  /** The elements of an iterable, copied (so it is walked once), none of them null. */
  static <T> List<T> elements(String field, Iterable<? extends T> elements) {
    List<T> copy = new ArrayList<>();
    for (T element : InputRules.required(field, elements)) {
      copy.add(element(field, element));
    }
    return copy;
  }

  /** An optional value given as an {@code Optional}: empty is absent, null is a mistake. */
  static <T extends Optional<?>> T optional(String field, T value) {
    if (value == null) {
      throw new InvalidInputException(field, "is required (Optional.empty() when there is none)");
    }
    return value;
  }
}
