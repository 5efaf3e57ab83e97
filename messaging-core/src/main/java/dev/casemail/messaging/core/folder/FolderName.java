package dev.casemail.messaging.core.folder;

import com.google.common.hash.Hashing;
import com.ibm.icu.text.SpoofChecker;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.SystemFolder;
import java.nio.charset.StandardCharsets;
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

  /**
   * The longest stored form of a key, in UTF-16 units: the JDBC column {@code folders.name_key} is
   * {@code VARCHAR(800)}, and version 1 stored every key up to that length as it is. (A name of 64
   * characters can grow to 1,152 under NFKC: U+FDFA alone becomes 18.)
   */
  public static final int MAX_KEY_LENGTH = 800;

  /**
   * Separates the kept prefix of a long key from the digest of the whole key. A control character: no
   * name holds one (single-line texts refuse them), nor does its NFKC form or its case mapping, so no
   * key short enough to be kept whole can equal the bounded form of a long one.
   */
  static final char DIGEST_SEPARATOR = '\u001F';

  private static final int DIGEST_HEX_LENGTH = 64;

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

  /**
   * The key two names are compared and stored by: the comparison key (NFKC-normalized, without format
   * characters, trimmed and case-folded) when it is at most {@value #MAX_KEY_LENGTH} UTF-16 units long,
   * so that every key version 1 stored is unchanged; a longer one is cut to its first units (never
   * inside a surrogate pair), then the {@link #DIGEST_SEPARATOR} and the SHA-256 of the whole comparison
   * key in lower-case hex, {@value #MAX_KEY_LENGTH} units at most in all. Two names have the same key
   * exactly when their comparison keys are equal (barring a SHA-256 collision), and storage can hold
   * every key in a column of {@value #MAX_KEY_LENGTH} characters.
   */
  public String key() {
    return bounded(comparisonKey());
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

  /** NFKC-normalized, without format characters, trimmed and case-folded; of any length. */
  private String comparisonKey() {
    String normalized = Normalizer.normalize(value, Normalizer.Form.NFKC);
    StringBuilder visible = new StringBuilder(normalized.length());
    normalized.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(visible::appendCodePoint);
    return visible.toString().strip().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  private static String bounded(String key) {
    if (key.length() <= MAX_KEY_LENGTH) {
      return key;
    }
    int prefix = MAX_KEY_LENGTH - 1 - DIGEST_HEX_LENGTH;
    if (Character.isHighSurrogate(key.charAt(prefix - 1))) {
      prefix--; // keep the pair whole: a lone surrogate is not text PostgreSQL can store
    }
    return key.substring(0, prefix) + DIGEST_SEPARATOR
        + Hashing.sha256().hashString(key, StandardCharsets.UTF_8).toString();
  }
}
