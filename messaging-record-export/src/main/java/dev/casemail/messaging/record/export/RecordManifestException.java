package dev.casemail.messaging.record.export;

import java.io.IOException;

/**
 * Thrown by {@link RecordManifest#read} when its input is not a manifest of the format it reads: not
 * JSON, another format or version, a field missing, unknown or of the wrong type, a hash that is not
 * lowercase hex, a time that is not ISO-8601 UTC, a value the record's own rules refuse. Names where
 * (a JSON Pointer, RFC 6901, such as {@code /entries/3/leafHash}) and what rule was broken.
 */
public final class RecordManifestException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String pointer;
  private final String rule;

  /**
   * @param pointer where in the manifest, as a JSON Pointer ({@code ""} for the whole document)
   * @param rule what is wrong there
   */
  public RecordManifestException(String pointer, String rule) {
    super("manifest" + (pointer.isEmpty() ? "" : " at " + pointer) + ": " + rule);
    this.pointer = pointer;
    this.rule = rule;
  }

  /**
   * @param pointer where in the manifest, as a JSON Pointer ({@code ""} for the whole document)
   * @param rule what is wrong there
   * @param cause what found it
   */
  public RecordManifestException(String pointer, String rule, Throwable cause) {
    this(pointer, rule);
    initCause(cause);
  }

  /** Where in the manifest the fault is, as a JSON Pointer; {@code ""} for the whole document. */
  public String pointer() {
    return pointer;
  }

  /** The rule the manifest breaks there. */
  public String rule() {
    return rule;
  }
}
