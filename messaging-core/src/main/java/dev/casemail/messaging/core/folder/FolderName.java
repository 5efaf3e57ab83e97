package dev.casemail.messaging.core.folder;

import com.ibm.icu.text.SpoofChecker;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.SystemFolder;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * A folder's name, and the two ways two names can be the same name for a person reading them.
 *
 * <ul>
 *   <li>The same {@link #key()}: names that differ only in case, in Unicode normalization form, or by
 *       invisible characters (format characters such as a zero-width space or a soft hyphen, and spaces
 *       of any kind at either end).
 *   <li>They {@linkplain #looksLike look alike}: their UTS #39 confusable skeletons (ICU's {@link
 *       SpoofChecker}) are equal, as written or in lower case, so "Іnbox" with a Cyrillic І, "lnbox"
 *       with a small L, or "Cоurt" with a Cyrillic о.
 * </ul>
 */
public record FolderName(String value) {

  private static final SpoofChecker SPOOF_CHECKER = new SpoofChecker.Builder().build();

  public FolderName {
    Objects.requireNonNull(value, "value");
  }

  /**
   * A custom folder's name: trimmed, 1 to {@value InputRules#MAX_FOLDER_NAME_LENGTH} characters, no
   * control characters, something visible, and neither a system folder's name in any case nor a name
   * that looks like one.
   *
   * @throws InvalidInputException naming the field {@code name} if a rule is broken
   */
  public static FolderName custom(String raw) {
    FolderName name = new FolderName(InputRules.singleLine("name", raw, InputRules.MAX_FOLDER_NAME_LENGTH));
    if (name.comparisonKey().isEmpty()) {
      throw new InvalidInputException("name", "must not be blank (it has only invisible characters)");
    }
    for (SystemFolder folder : SystemFolder.values()) {
      FolderName system = system(folder);
      if (system.comparisonKey().equals(name.comparisonKey())) {
        throw new InvalidInputException("name", "must not be the name of the system folder " + folder.displayName());
      }
      if (system.looksLike(name)) {
        throw new InvalidInputException(
            "name", "must not look like the name of the system folder " + folder.displayName() + " (UTS #39 confusable)");
      }
    }
    return name;
  }

  static FolderName system(SystemFolder folder) {
    return new FolderName(folder.displayName());
  }

  /** The comparison key: NFKC-normalized, without format characters, trimmed and case-folded. */
  public String key() {
    return comparisonKey();
  }

  /**
   * Whether this name looks like {@code other} to a reader: their UTS #39 confusable skeletons are
   * equal, either for the names as written (after NFKC) or for their lower-case comparison keys. Names
   * with the same key look alike too.
   */
  public boolean looksLike(FolderName other) {
    return skeletons().matches(other.skeletons());
  }

  /** The skeletons {@link #looksLike} compares, to compare one name with many without recomputing its own. */
  public Skeletons skeletons() {
    String written = Normalizer.normalize(value, Normalizer.Form.NFKC);
    return new Skeletons(SPOOF_CHECKER.getSkeleton(written), SPOOF_CHECKER.getSkeleton(comparisonKey()));
  }

  /**
   * The UTS #39 skeletons of one name: as written and in lower case.
   *
   * @param written the skeleton of the name as written, after NFKC
   * @param folded the skeleton of its comparison key (NFKC, without format characters, trimmed, lower case)
   */
  public record Skeletons(String written, String folded) {

    /** Whether the two names look alike: either skeleton is the same. */
    public boolean matches(Skeletons other) {
      return written.equals(other.written) || folded.equals(other.folded);
    }
  }

  /** NFKC-normalized, without format characters, trimmed and case-folded. */
  private String comparisonKey() {
    String normalized = Normalizer.normalize(value, Normalizer.Form.NFKC);
    StringBuilder visible = new StringBuilder(normalized.length());
    normalized.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(visible::appendCodePoint);
    return visible.toString().strip().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }
}
