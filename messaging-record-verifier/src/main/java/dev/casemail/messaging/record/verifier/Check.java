package dev.casemail.messaging.record.verifier;

/**
 * The checks of a verification, in the order they are made; the first that fails ends it. See {@code
 * docs/record-verifier.md}.
 */
public enum Check {
  /** The export's manifest can be read (from the PDF's embedded file, or the JSON given) as format version 1. */
  MANIFEST("the manifest"),
  /** The head names the given key, and its Ed25519 signature over its signed bytes verifies with it. */
  SIGNATURE("the head's signature"),
  /**
   * Every entry's bytes, re-encoded from the manifest, hash to its leaf hash, and its inclusion proof leads to
   * the head's root; the entries are in record order, and the export's own entry is the last of the head.
   */
  ENTRIES("the entries"),
  /** Every earlier export's head in the manifest is signed with the key, and its consistency proof verifies. */
  CONSISTENCY("the consistency proofs"),
  /** The earlier export given with {@code --previous} is signed with the key, and this export extends its head. */
  PREVIOUS("the earlier export"),
  /** The RFC 3161 time-stamp token, if there is one, is over the head's signed bytes and signed by its certificate. */
  TIMESTAMP("the time-stamp"),
  /**
   * The PDF's text says what the manifest says, entry by entry, and the manifest given with {@code --json} is
   * the one embedded in the PDF.
   */
  PDF("the PDF");

  private final String description;

  Check(String description) {
    this.description = description;
  }

  /** What is checked, in a few words ("the head's signature"). */
  public String description() {
    return description;
  }
}
