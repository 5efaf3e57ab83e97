package dev.casemail.messaging.core.folder;

import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.SystemFolder;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * A folder's name, and the key two names are compared by: names that differ only in case, in Unicode
 * normalization form, or by invisible characters (format characters such as a zero-width space or a
 * soft hyphen, and spaces of any kind at either end) are the same name, since a person cannot tell
 * them apart.
 */
public record FolderName(String value) {

  public FolderName {
    Objects.requireNonNull(value, "value");
  }

  /**
   * A custom folder's name: trimmed, 1 to {@value InputRules#MAX_FOLDER_NAME_LENGTH} characters, no
   * control characters, something visible, and not a system folder's name in any case.
   *
   * @throws InvalidInputException naming the field {@code name} if a rule is broken
   */
  public static FolderName custom(String raw) {
    FolderName name = new FolderName(InputRules.singleLine("name", raw, InputRules.MAX_FOLDER_NAME_LENGTH));
    if (name.key().isEmpty()) {
      throw new InvalidInputException("name", "must not be blank (it has only invisible characters)");
    }
    for (SystemFolder folder : SystemFolder.values()) {
      if (system(folder).key().equals(name.key())) {
        throw new InvalidInputException("name", "must not be the name of the system folder " + folder.displayName());
      }
    }
    return name;
  }

  static FolderName system(SystemFolder folder) {
    return new FolderName(folder.displayName());
  }

  /** The comparison key: NFKC-normalized, without format characters, trimmed and case-folded. */
  public String key() {
    String normalized = Normalizer.normalize(value, Normalizer.Form.NFKC);
    StringBuilder visible = new StringBuilder(normalized.length());
    normalized.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(visible::appendCodePoint);
    return visible.toString().strip().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }
}
