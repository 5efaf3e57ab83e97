package dev.casemail.messaging.api;

/**
 * One entry of a mailbox's record: its position and what it says. Its bytes (what its leaf hash is
 * the SHA-256 of, after a 0x00 byte) are defined in {@code docs/record-format.md}.
 *
 * @param mailbox whose record it is in
 * @param index its position in the record, from 0: the leaf index in the record's Merkle tree
 */
public record RecordEntry(ParticipantId mailbox, long index, RecordContent content) {

  /** @throws InvalidInputException if a part is null or the index negative */
  public RecordEntry {
    InputRules.required("mailbox", mailbox);
    if (index < 0) {
      throw new InvalidInputException("index", "must not be negative (was " + index + ")");
    }
    InputRules.required("content", content);
  }
}
