package dev.casemail.messaging.core.record;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.RecordContent;
import dev.casemail.messaging.api.RecordEntry;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.api.RecordedExport;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.api.RecordedMessage;
import java.util.Arrays;
import java.util.Objects;

/** An entry sealed into a record: the entry at its place, and its leaf hash. */
public record RecordAppend(RecordEntry entry, byte[] leafHash) {

  public RecordAppend {
    Objects.requireNonNull(entry, "entry");
    leafHash = Arrays.copyOf(leafHash, leafHash.length);
  }

  /** The entry as storage keeps it: where its content is found again, not the content. */
  public StoredEntry stored() {
    RecordContent content = entry.content();
    ParticipantId owner = entry.mailbox();
    long reference;
    String other = "";
    if (content instanceof RecordedMessage message) {
      reference = message.id().value();
    } else if (content instanceof RecordedFirstView view) {
      reference = view.message().value();
      other = view.viewer().value();
    } else if (content instanceof RecordedAccessEvent event) {
      reference = event.eventNumber();
      other = (event.practitioner().equals(owner) ? event.parent() : event.practitioner()).value();
    } else {
      reference = ((RecordedExport) content).exportNumber();
    }
    return new StoredEntry(
        entry.index(), RecordEncoding.kind(content), reference, other, content.at(), RecordEncoding.hex(leafHash));
  }

  @Override
  public byte[] leafHash() {
    return Arrays.copyOf(leafHash, leafHash.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordAppend append && append.entry.equals(entry) && Arrays.equals(append.leafHash, leafHash);
  }

  @Override
  public int hashCode() {
    return entry.hashCode() * 31 + Arrays.hashCode(leafHash);
  }

  @Override
  public String toString() {
    return "RecordAppend[" + entry + ", " + RecordEncoding.hex(leafHash) + "]";
  }
}
