package dev.casemail.messaging.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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

  /** The elements of an array, none of them null, as a list backed by the array. */
  static <T> List<T> elements(String field, T[] elements) {
    List<T> list = Arrays.asList(InputRules.required(field, elements));
    list.forEach(element -> element(field, element));
    return list;
  }

  /**
   * The elements of an iterable, none of them null: a collection as it is (walked once more by the
   * generated builder), any other iterable copied, so that it is walked only once.
   */
  static <T> Iterable<? extends T> elements(String field, Iterable<? extends T> elements) {
    InputRules.required(field, elements);
    if (elements instanceof Collection<?>) {
      elements.forEach(element -> element(field, element));
      return elements;
    }
    List<T> copy = new ArrayList<>();
    for (T element : elements) {
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
