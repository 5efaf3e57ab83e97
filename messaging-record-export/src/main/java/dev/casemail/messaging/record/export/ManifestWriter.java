package dev.casemail.messaging.record.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.Consistency;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordContent;
import dev.casemail.messaging.api.RecordEntry;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.api.RecordedExport;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.SignedTreeHead;
import dev.casemail.messaging.core.record.RecordEncoding;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes a manifest: the fields in the order {@code docs/record-manifest.md} lists them, two spaces of
 * indentation, {@code \n} line ends, UTF-8 without escaping what is not ASCII. The same export always
 * gives the same bytes.
 */
final class ManifestWriter {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final JsonGenerator out;
  private String field = "";

  private ManifestWriter(JsonGenerator out) {
    this.out = out;
  }

  static void write(RecordExport export, OutputStream stream) throws IOException {
    check(export);
    try (JsonGenerator generator = JSON.createGenerator(stream, JsonEncoding.UTF8)) {
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      generator.setPrettyPrinter(new DefaultPrettyPrinter()
          .withSeparators(Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
              .withArrayEmptySeparator("")
              .withObjectEmptySeparator(""))
          .withObjectIndenter(indenter)
          .withArrayIndenter(indenter));
      new ManifestWriter(generator).export(export);
      generator.writeRaw('\n');
    }
  }

  /** Refuses an export whose entries or heads are another mailbox's: the manifest names one mailbox. */
  private static void check(RecordExport export) {
    String mailbox = export.mailbox().id().value();
    if (!export.head().mailbox().value().equals(mailbox)) {
      throw new IllegalArgumentException("the export's head is of mailbox " + export.head().mailbox()
          + ", not of the export's mailbox " + mailbox);
    }
    for (Consistency consistency : export.consistency()) {
      if (!consistency.earlier().mailbox().value().equals(mailbox)) {
        throw new IllegalArgumentException("an earlier head of the export is of mailbox "
            + consistency.earlier().mailbox() + ", not of the export's mailbox " + mailbox);
      }
    }
    for (ProvenEntry proven : export.entries()) {
      if (!proven.entry().mailbox().value().equals(mailbox)) {
        throw new IllegalArgumentException("entry " + proven.entry().index() + " is in the record of "
            + proven.entry().mailbox() + ", not of the export's mailbox " + mailbox);
      }
    }
  }

  private void export(RecordExport export) throws IOException {
    out.writeStartObject();
    text("format", ManifestRules.format(export));
    number("recordEncoding", RecordEncoding.VERSION);
    out.writeFieldName("mailbox");
    participant(export.mailbox());
    out.writeFieldName("export");
    out.writeStartObject();
    exportContent(export.export());
    out.writeEndObject();
    out.writeFieldName("head");
    head(export.head());
    out.writeFieldName("consistency");
    out.writeStartArray();
    for (Consistency consistency : export.consistency()) {
      out.writeStartObject();
      out.writeFieldName("earlier");
      head(consistency.earlier());
      hashes("proof", consistency.proof());
      out.writeEndObject();
    }
    out.writeEndArray();
    if (export.timestampToken().isPresent()) {
      base64("timestampToken", export.timestampToken().get());
    }
    out.writeFieldName("entries");
    out.writeStartArray();
    for (int i = 0; i < export.entries().size(); i++) {
      field = "entries[" + i + "].";
      entry(export.entries().get(i));
    }
    field = "";
    out.writeEndArray();
    out.writeEndObject();
  }

  private void entry(ProvenEntry proven) throws IOException {
    RecordEntry entry = proven.entry();
    RecordContent content = entry.content();
    out.writeStartObject();
    number("index", entry.index());
    text("kind", ManifestRules.kind(content));
    if (content instanceof RecordedMessage message) {
      text("id", message.id().toString());
      text("thread", message.thread().toString());
      text("messageKind", message.kind().name());
      if (message.sender().isPresent()) {
        out.writeFieldName("sender");
        participant(message.sender().get());
      }
      out.writeFieldName("recipients");
      out.writeStartArray();
      for (ParticipantView recipient : message.recipients()) {
        participant(recipient);
      }
      out.writeEndArray();
      text("subject", message.subject());
      text("body", message.body());
      instant("sentAt", message.sentAt());
      if (message.inReplyTo().isPresent()) {
        text("inReplyTo", message.inReplyTo().get().toString());
      }
      hashes("attachments", message.attachments());
      if (!message.files().isEmpty()) {
        out.writeFieldName("files");
        out.writeStartArray();
        for (AttachmentView file : message.files()) {
          out.writeStartObject();
          text("name", file.name());
          text("type", file.contentType());
          number("size", file.size());
          hash("sha256", file.hash().hex());
          out.writeEndObject();
        }
        out.writeEndArray();
      }
    } else if (content instanceof RecordedFirstView view) {
      text("message", view.message().toString());
      text("viewer", view.viewer().value());
      instant("viewedAt", view.viewedAt());
    } else if (content instanceof RecordedAccessEvent event) {
      text("practitioner", event.practitioner().value());
      text("parent", event.parent().value());
      number("eventNumber", event.eventNumber());
      text("status", event.status().name());
      text("actor", event.actor().value());
      instant("at", event.at());
    } else if (content instanceof RecordedExport export) {
      exportContent(export);
    }
    hash("leafHash", proven.leafHash());
    hashes("inclusionProof", proven.inclusionProof());
    out.writeEndObject();
  }

  private void exportContent(RecordedExport export) throws IOException {
    number("number", export.exportNumber());
    out.writeFieldName("scope");
    scope(export.scope());
    optionalText("courtOrder", export.courtOrder());
    instant("exportedAt", export.exportedAt());
  }

  private void scope(RecordScope scope) throws IOException {
    out.writeStartObject();
    text("kind", scope.kind().name());
    if (scope.from().isPresent()) {
      instant("from", scope.from().get());
    }
    if (scope.until().isPresent()) {
      instant("until", scope.until().get());
    }
    if (scope.counterpart().isPresent()) {
      text("counterpart", scope.counterpart().get().value());
    }
    out.writeEndObject();
  }

  private void head(SignedTreeHead head) throws IOException {
    out.writeStartObject();
    text("mailbox", head.mailbox().value());
    number("size", head.size());
    hash("rootHash", head.rootHash());
    instant("signedAt", head.signedAt());
    hash("keyId", head.keyId());
    text("algorithm", head.algorithm());
    base64("signature", head.signature());
    out.writeEndObject();
  }

  private void participant(ParticipantView participant) throws IOException {
    out.writeStartObject();
    text("id", participant.id().value());
    text("role", participant.role().name());
    text("name", participant.displayName());
    out.writeEndObject();
  }

  private void text(String name, String value) throws IOException {
    String fault = ManifestRules.textFault(value);
    if (fault != null) {
      throw new IllegalArgumentException(field + name + " " + fault);
    }
    out.writeStringField(name, value);
  }

  private void optionalText(String name, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      text(name, value.get());
    }
  }

  private void number(String name, long value) throws IOException {
    out.writeNumberField(name, value);
  }

  private void instant(String name, Instant value) throws IOException {
    out.writeStringField(name, Instants.iso(value));
  }

  private void hash(String name, String value) throws IOException {
    String fault = ManifestRules.hashFault(value);
    if (fault != null) {
      throw new IllegalArgumentException(field + name + " " + fault);
    }
    out.writeStringField(name, value);
  }

  private void hashes(String name, List<String> values) throws IOException {
    out.writeFieldName(name);
    out.writeStartArray();
    for (int i = 0; i < values.size(); i++) {
      String fault = ManifestRules.hashFault(values.get(i));
      if (fault != null) {
        throw new IllegalArgumentException(field + name + "[" + i + "] " + fault);
      }
      out.writeString(values.get(i));
    }
    out.writeEndArray();
  }

  private void base64(String name, String value) throws IOException {
    String fault = ManifestRules.base64Fault(value);
    if (fault != null) {
      throw new IllegalArgumentException(field + name + " " + fault);
    }
    out.writeStringField(name, value);
  }
}
