package dev.casemail.messaging.record.export;

import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordContent;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordedAccessEvent;
import dev.casemail.messaging.api.RecordedExport;
import dev.casemail.messaging.api.RecordedFirstView;
import dev.casemail.messaging.api.RecordedMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the PDF says about each entry, as labelled fields, before any layout: the one place that
 * decides an entry's text, so that the PDF and {@link RecordPdfText#entryText} never disagree.
 * Texts are the record's own, not yet {@linkplain ShownText shown}.
 */
final class EntryBlocks {

  /** How a field's values are drawn. */
  enum Style {
    /** Wrapped text. */
    TEXT,
    /** A hash in groups of eight hex digits, smaller and grey. */
    HASH,
    /** The body: paragraphs, wrapped. */
    BODY,
    /** The writer's own remark, grey. */
    NOTE
  }

  /** One labelled field: the label on its first line, one value after another. */
  record Field(String label, List<String> values, Style style) {
    Field(String label, String value) {
      this(label, List.of(value), Style.TEXT);
    }
  }

  /** One entry's text: its marker line, then its fields. */
  record Block(long index, String marker, List<Field> fields) {
    /** The block's lines as the PDF writes them, before lines are broken. */
    List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add(marker);
      for (Field field : fields) {
        for (int i = 0; i < field.values().size(); i++) {
          lines.add((i == 0 && !field.label().isEmpty() ? field.label() + " " : "") + field.values().get(i));
        }
      }
      return lines;
    }
  }

  /** The remark for an empty body; its marker glyph is never in record text, so no body reads like it. */
  static final String EMPTY_BODY = RecordPdfText.MARKER + " empty";
  /** What "first viewed" says when the export holds no first view. */
  static final String NEVER = "never";

  private final RecordExport export;
  private final Map<ParticipantId, ParticipantView> participants = new HashMap<>();
  private final Map<MessageId, Map<ParticipantId, Instant>> firstViews = new HashMap<>();

  EntryBlocks(RecordExport export) {
    this.export = export;
    // the names the export knows: the owner's, then each message's participants as the message recorded them
    participants.put(export.mailbox().id(), export.mailbox());
    for (ProvenEntry proven : export.entries()) {
      RecordContent content = proven.entry().content();
      if (content instanceof RecordedMessage message) {
        message.sender().ifPresent(s -> participants.putIfAbsent(s.id(), s));
        message.recipients().forEach(r -> participants.putIfAbsent(r.id(), r));
      } else if (content instanceof RecordedFirstView view) {
        firstViews.computeIfAbsent(view.message(), m -> new HashMap<>()).putIfAbsent(view.viewer(), view.viewedAt());
      }
    }
  }

  /** The block of an entry; {@code bates} is the Bates number of the page it starts on. */
  Block block(ProvenEntry proven, String bates) {
    RecordContent content = proven.entry().content();
    long index = proven.entry().index();
    List<Field> fields = new ArrayList<>();
    String marker;
    if (content instanceof RecordedMessage message) {
      marker = "Entry " + index + " · message " + message.id();
      fields.add(new Field("Bates", bates));
      fields.add(new Field("From", message.sender().map(EntryBlocks::participant).orElse("the system")));
      fields.add(new Field("To", message.recipients().stream().map(EntryBlocks::participant).toList(), Style.TEXT));
      fields.add(new Field("Sent", Instants.shown(message.sentAt())));
      fields.add(new Field("Kind", kind(message)));
      fields.add(new Field("First viewed", firstViewed(message), Style.TEXT));
      if (!message.files().isEmpty()) {
        // each file on three lines: its name (the sender's text) alone, what the library detected, its hash
        for (int i = 0; i < message.files().size(); i++) {
          AttachmentView file = message.files().get(i);
          fields.add(new Field(i == 0 ? "Attachments" : "",
              List.of(file.name(), file.contentType() + " · " + bytes(file.size())), Style.TEXT));
          fields.add(new Field("", List.of("SHA-256 " + grouped(file.hash().hex())), Style.HASH));
        }
      } else if (!message.attachments().isEmpty()) {
        // an export read from a manifest of version 1 knows its files by their hashes alone
        fields.add(new Field("Attachments",
            message.attachments().stream().map(h -> "SHA-256 " + grouped(h)).toList(), Style.HASH));
      }
      fields.add(new Field("Subject", message.subject()));
      fields.add(message.body().isEmpty()
          ? new Field("Body", List.of(EMPTY_BODY), Style.NOTE)
          : new Field("Body", List.of(message.body()), Style.BODY));
    } else if (content instanceof RecordedFirstView view) {
      marker = "Entry " + index + " · first view of message " + view.message();
      fields.add(new Field("Viewer", participant(view.viewer())));
      fields.add(new Field("Viewed", Instants.shown(view.viewedAt())));
    } else if (content instanceof RecordedAccessEvent event) {
      marker = "Entry " + index + " · access event";
      fields.add(new Field("Practitioner", participant(event.practitioner())));
      fields.add(new Field("Parent", participant(event.parent())));
      fields.add(new Field("Step", event.eventNumber() + " · " + status(event.status()) + " by " + participant(event.actor())));
      fields.add(new Field("At", Instants.shown(event.at())));
    } else {
      RecordedExport recorded = (RecordedExport) content;
      marker = "Entry " + index + " · export " + recorded.exportNumber()
          + (recorded.equals(export.export()) ? " (this export)" : "");
      fields.add(new Field("Scope", scope(recorded.scope())));
      fields.add(new Field("Asked by", askedBy(recorded.courtOrder())));
      fields.add(new Field("Exported", Instants.shown(recorded.exportedAt())));
    }
    fields.add(new Field("Leaf", List.of("index " + index + " · hash " + grouped(proven.leafHash())), Style.HASH));
    return new Block(index, RecordPdfText.MARKER + " " + marker, fields);
  }

  private List<String> firstViewed(RecordedMessage message) {
    Map<ParticipantId, Instant> views = firstViews.getOrDefault(message.id(), Map.of());
    boolean sent = message.sender().map(s -> s.id().equals(export.mailbox().id())).orElse(false);
    List<String> lines = new ArrayList<>();
    for (ParticipantView recipient : message.recipients()) {
      // the owner's record holds every recipient's first view of what the owner sent, and only the
      // owner's own first view of what the owner received
      if (sent || recipient.id().equals(export.mailbox().id())) {
        Instant at = views.get(recipient.id());
        lines.add(participant(recipient) + ": " + (at == null ? NEVER : Instants.shown(at)));
      }
    }
    if (lines.isEmpty()) {
      lines.add("not in this record (it holds first views of messages the owner sent or received)");
    }
    return lines;
  }

  private String kind(RecordedMessage message) {
    boolean sent = message.sender().map(s -> s.id().equals(export.mailbox().id())).orElse(false);
    return kindName(message.kind()) + " · " + (sent ? "sent" : "received") + " · thread " + message.thread()
        + message.inReplyTo().map(id -> " · in reply to message " + id).orElse("");
  }

  private static String kindName(MessageKind kind) {
    switch (kind) {
      case PERSONAL:
        return "personal message";
      case AUTO_REPLY:
        return "auto-reply";
      case ACTION_ITEM:
        return "action item (system message)";
      default:
        return "notification (system message)";
    }
  }

  private static String status(AccessStatus status) {
    switch (status) {
      case REQUESTED:
        return "access requested";
      case APPROVED:
        return "access approved";
      case REFUSED:
        return "request refused";
      case BLOCKED:
        return "requester blocked";
      case WITHDRAWN:
        return "request withdrawn";
      default:
        return "access removed";
    }
  }

  /** The scope in words. */
  String scope(RecordScope scope) {
    switch (scope.kind()) {
      case PERIOD:
        return "what was recorded from " + Instants.shown(scope.from().orElseThrow()) + " until "
            + Instants.shown(scope.until().orElseThrow()) + " (not included)";
      case COUNTERPART:
        return "the correspondence with " + participant(scope.counterpart().orElseThrow());
      default:
        return "the whole record";
    }
  }

  /** Who asked for an export: the owner, or the host under a court order. */
  String askedBy(Optional<String> courtOrder) {
    return courtOrder.map(order -> "the host, under court order " + order)
        .orElse("the owner, " + participant(export.mailbox()));
  }

  /** A participant the export names, as "Name (role, id)", or the id alone if the export gives no name. */
  String participant(ParticipantId id) {
    ParticipantView view = participants.get(id);
    return view == null ? id.value() : participant(view);
  }

  static String participant(ParticipantView view) {
    return view.displayName() + " (" + view.role().name().toLowerCase(Locale.ROOT) + ", " + view.id().value() + ")";
  }

  /** A size in bytes, its digits in groups of three: {@code "1,056 bytes"}, {@code "1 byte"}. */
  static String bytes(long size) {
    return String.format(Locale.ROOT, "%,d %s", size, size == 1 ? "byte" : "bytes");
  }

  /** A hash in groups of eight hex digits: easier to read aloud and to compare. */
  static String grouped(String hex) {
    StringBuilder out = new StringBuilder(hex.length() + hex.length() / 8);
    for (int i = 0; i < hex.length(); i += 8) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(hex, i, Math.min(hex.length(), i + 8));
    }
    return out.toString();
  }
}
