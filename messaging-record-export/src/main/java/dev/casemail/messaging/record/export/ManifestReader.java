package dev.casemail.messaging.record.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.Consistency;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
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
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.core.record.RecordEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a manifest strictly: exactly the fields of {@code docs/record-manifest.md}, each of its type,
 * nothing else; the first fault found is thrown as a {@link RecordManifestException} naming where.
 */
final class ManifestReader {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .build();

  /** A message or thread id: the decimal digits of a positive 64-bit number, no sign, no leading zero. */
  private static final Pattern DECIMAL_ID = Pattern.compile("[1-9][0-9]{0,18}");

  private ManifestReader() {}

  static RecordExport read(InputStream in) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new RecordManifestException("", "is not JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")"), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new RecordManifestException("", "is empty");
    }
    return export(root);
  }

  private static RecordExport export(JsonNode root) throws RecordManifestException {
    if (!root.isObject()) {
      throw new RecordManifestException("", "must be a JSON object");
    }
    JsonNode format = root.get("format");
    if (format == null) {
      throw new RecordManifestException("/format", "is required: a manifest names its format, "
          + ManifestRules.FORMAT);
    }
    if (!format.isTextual()
        || !(format.textValue().equals(ManifestRules.FORMAT) || format.textValue().equals(ManifestRules.FORMAT_1))) {
      throw new RecordManifestException("/format", "must be " + ManifestRules.FORMAT + " or " + ManifestRules.FORMAT_1
          + " (was " + format + "): this reader reads versions 1 and 2 of the manifest format only");
    }
    int version = format.textValue().equals(ManifestRules.FORMAT) ? 2 : 1;
    Fields manifest = new Fields(root, "", version, "format", "recordEncoding", "mailbox", "export", "head", "consistency",
        "timestampToken", "entries");
    long encoding = manifest.integer("recordEncoding", 1, Integer.MAX_VALUE);
    if (encoding != RecordEncoding.VERSION) {
      throw new RecordManifestException(manifest.at("recordEncoding"), "must be " + RecordEncoding.VERSION
          + ", the version of the entries' encoding this reader knows (was " + encoding + ")");
    }
    ParticipantView mailbox = participant(manifest.object("mailbox", "id", "role", "name"));
    RecordedExport export = exportContent(manifest.object("export", "number", "scope", "courtOrder", "exportedAt"));
    SignedTreeHead head = head(manifest.object("head", HEAD_FIELDS));
    List<Consistency> consistency = new ArrayList<>();
    String consistencyAt = manifest.at("consistency");
    List<JsonNode> proofs = manifest.array("consistency");
    for (int i = 0; i < proofs.size(); i++) {
      Fields proof = new Fields(proofs.get(i), consistencyAt + "/" + i, version, "earlier", "proof");
      SignedTreeHead earlier = head(proof.object("earlier", HEAD_FIELDS));
      List<String> hashes = proof.hashes("proof");
      consistency.add(proof.build("", () -> new Consistency(earlier, hashes)));
    }
    Optional<String> timestampToken = manifest.optionalBase64("timestampToken");
    List<ProvenEntry> entries = new ArrayList<>();
    String entriesAt = manifest.at("entries");
    List<JsonNode> items = manifest.array("entries");
    for (int i = 0; i < items.size(); i++) {
      entries.add(entry(items.get(i), entriesAt + "/" + i, mailbox.id(), version));
    }
    return manifest.build("", () -> new RecordExport(
        mailbox, export, head, consistency, entries, timestampToken));
  }

  private static final String[] HEAD_FIELDS = {"mailbox", "size", "rootHash", "signedAt", "keyId", "algorithm", "signature"};

  private static SignedTreeHead head(Fields head) throws RecordManifestException {
    ParticipantId mailbox = head.participantId("mailbox");
    long size = head.integer("size", 0, Long.MAX_VALUE);
    String root = head.hash("rootHash");
    Instant signedAt = head.instant("signedAt");
    String keyId = head.hash("keyId");
    String algorithm = head.nonEmptyText("algorithm");
    String signature = head.base64("signature");
    return head.build("", () -> new SignedTreeHead(mailbox, size, root, signedAt, keyId, algorithm, signature));
  }

  private static ParticipantView participant(Fields participant) throws RecordManifestException {
    ParticipantId id = participant.participantId("id");
    ParticipantRole role = participant.constant("role", ParticipantRole.class);
    String name = participant.text("name");
    return participant.build("", () -> ParticipantView.of(id, role, name));
  }

  private static RecordedExport exportContent(Fields export) throws RecordManifestException {
    long number = export.integer("number", 1, Long.MAX_VALUE);
    RecordScope scope = scope(export.object("scope", "kind", "from", "until", "counterpart"));
    Optional<String> courtOrder = export.optionalText("courtOrder");
    Instant exportedAt = export.instant("exportedAt");
    return export.build("", () -> new RecordedExport(number, scope, courtOrder, exportedAt));
  }

  private static RecordScope scope(Fields scope) throws RecordManifestException {
    RecordScope.Kind kind = scope.constant("kind", RecordScope.Kind.class);
    Optional<Instant> from = scope.has("from") ? Optional.of(scope.instant("from")) : Optional.empty();
    Optional<Instant> until = scope.has("until") ? Optional.of(scope.instant("until")) : Optional.empty();
    Optional<ParticipantId> counterpart =
        scope.has("counterpart") ? Optional.of(scope.participantId("counterpart")) : Optional.empty();
    return scope.build("", () -> new RecordScope(kind, from, until, counterpart));
  }

  private static ProvenEntry entry(JsonNode node, String pointer, ParticipantId mailbox, int version)
      throws RecordManifestException {
    if (!node.isObject()) {
      throw new RecordManifestException(pointer, "must be a JSON object (an entry)");
    }
    JsonNode kindNode = node.get("kind");
    if (kindNode == null) {
      throw new RecordManifestException(pointer + "/kind", "is required: one of message, firstView, accessEvent, export");
    }
    if (!kindNode.isTextual()) {
      throw new RecordManifestException(pointer + "/kind", "must be a JSON string: one of message, firstView, "
          + "accessEvent, export (was " + kindNode.getNodeType() + ")");
    }
    String kind = kindNode.textValue();
    Fields entry;
    RecordContent content;
    switch (kind) {
      case ManifestRules.MESSAGE:
        entry = version == 1
            ? new Fields(node, pointer, version, "index", "kind", "id", "thread", "messageKind", "sender", "recipients",
                "subject", "body", "sentAt", "inReplyTo", "attachments", "leafHash", "inclusionProof")
            : new Fields(node, pointer, version, "index", "kind", "id", "thread", "messageKind", "sender", "recipients",
                "subject", "body", "sentAt", "inReplyTo", "attachments", "files", "leafHash", "inclusionProof");
        content = message(entry);
        break;
      case ManifestRules.FIRST_VIEW:
        entry = new Fields(node, pointer, version, "index", "kind", "message", "viewer", "viewedAt", "leafHash", "inclusionProof");
        content = firstView(entry);
        break;
      case ManifestRules.ACCESS_EVENT:
        entry = new Fields(node, pointer, version, "index", "kind", "practitioner", "parent", "eventNumber", "status", "actor", "at",
            "leafHash", "inclusionProof");
        content = accessEvent(entry);
        break;
      case ManifestRules.EXPORT:
        entry = new Fields(node, pointer, version, "index", "kind", "number", "scope", "courtOrder", "exportedAt", "leafHash",
            "inclusionProof");
        content = exportContent(entry);
        break;
      default:
        throw new RecordManifestException(pointer + "/kind", "must be one of message, firstView, accessEvent, export (was "
            + ManifestRules.quoted(kind) + ")");
    }
    long index = entry.integer("index", 0, Long.MAX_VALUE);
    String leafHash = entry.hash("leafHash");
    List<String> inclusionProof = entry.hashes("inclusionProof");
    return entry.build("", () -> new ProvenEntry(new RecordEntry(mailbox, index, content), leafHash, inclusionProof));
  }

  private static RecordedMessage message(Fields message) throws RecordManifestException {
    MessageId id = MessageId.of(message.decimalId("id"));
    ThreadId thread = ThreadId.of(message.decimalId("thread"));
    MessageKind kind = message.constant("messageKind", MessageKind.class);
    Optional<ParticipantView> sender = message.has("sender")
        ? Optional.of(participant(message.object("sender", "id", "role", "name")))
        : Optional.empty();
    List<ParticipantView> recipients = new ArrayList<>();
    List<JsonNode> items = message.array("recipients");
    for (int i = 0; i < items.size(); i++) {
      recipients.add(participant(new Fields(items.get(i), message.at("recipients") + "/" + i, message.version, "id", "role", "name")));
    }
    String subject = message.text("subject");
    String body = message.text("body");
    Instant sentAt = message.instant("sentAt");
    Optional<MessageId> inReplyTo =
        message.has("inReplyTo") ? Optional.of(MessageId.of(message.decimalId("inReplyTo"))) : Optional.empty();
    List<String> attachments = message.hashes("attachments");
    List<AttachmentView> files = new ArrayList<>();
    if (message.has("files")) {
      List<JsonNode> described = message.array("files");
      if (described.size() != attachments.size()) {
        throw new RecordManifestException(message.at("files"), "must describe each of the " + attachments.size()
            + " attachments, in order (holds " + described.size() + ")");
      }
      for (int i = 0; i < described.size(); i++) {
        Fields file = new Fields(described.get(i), message.at("files") + "/" + i, message.version, "name", "type", "size",
            "sha256");
        String name = file.nonEmptyText("name");
        String type = file.nonEmptyText("type");
        long size = file.integer("size", 0, Long.MAX_VALUE);
        String hash = file.hash("sha256");
        if (!hash.equals(attachments.get(i))) {
          throw new RecordManifestException(file.at("sha256"), "must be the hash of attachment " + i + ", "
              + attachments.get(i) + " (was " + hash + ")");
        }
        files.add(file.build("", () -> AttachmentView.builder()
            .name(name).contentType(type).size(size).hash(ContentHash.of(hash)).build()));
      }
      if (files.isEmpty()) {
        throw new RecordManifestException(message.at("files"), "must be left out when the message carries no file");
      }
    }
    return message.build("", () -> new RecordedMessage(
        id, thread, kind, sender, recipients, subject, body, sentAt, inReplyTo, attachments, files));
  }

  private static RecordedFirstView firstView(Fields view) throws RecordManifestException {
    MessageId message = MessageId.of(view.decimalId("message"));
    ParticipantId viewer = view.participantId("viewer");
    Instant viewedAt = view.instant("viewedAt");
    return view.build("", () -> new RecordedFirstView(message, viewer, viewedAt));
  }

  private static RecordedAccessEvent accessEvent(Fields event) throws RecordManifestException {
    ParticipantId practitioner = event.participantId("practitioner");
    ParticipantId parent = event.participantId("parent");
    int eventNumber = (int) event.integer("eventNumber", 1, Integer.MAX_VALUE);
    AccessStatus status = event.constant("status", AccessStatus.class);
    ParticipantId actor = event.participantId("actor");
    Instant at = event.instant("at");
    return event.build("", () -> new RecordedAccessEvent(practitioner, parent, eventNumber, status, actor, at));
  }

  /** Something that builds a value and may refuse it with the API's {@link InvalidInputException}. */
  private interface Build<T> {
    T get();
  }

  /** The fields of one JSON object, read with the pointer of each for the error messages. */
  private static final class Fields {
    private final JsonNode node;
    private final String pointer;
    private final int version;

    /** Refuses anything but an object with no field outside {@code names}, of the manifest's {@code version}. */
    Fields(JsonNode node, String pointer, int version, String... names) throws RecordManifestException {
      if (node == null || !node.isObject()) {
        throw new RecordManifestException(pointer, "must be a JSON object");
      }
      Set<String> known = new LinkedHashSet<>(Arrays.asList(names));
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!known.contains(name)) {
          throw new RecordManifestException(pointer + "/" + escape(name), "is not a field of version " + version
              + " of the manifest format here (the fields are " + String.join(", ", known) + ")");
        }
      }
      this.node = node;
      this.pointer = pointer;
      this.version = version;
    }

    String at(String name) {
      return pointer + "/" + escape(name);
    }

    /** Whether the field is there; an explicit null is refused (an absent value is left out). */
    boolean has(String name) throws RecordManifestException {
      JsonNode value = node.get(name);
      if (value != null && value.isNull()) {
        throw new RecordManifestException(at(name), "must not be null: an absent value is left out");
      }
      return value != null;
    }

    private JsonNode required(String name) throws RecordManifestException {
      if (!has(name)) {
        throw new RecordManifestException(at(name), "is required");
      }
      return node.get(name);
    }

    String text(String name) throws RecordManifestException {
      JsonNode value = required(name);
      if (!value.isTextual()) {
        throw new RecordManifestException(at(name), "must be a JSON string (was " + value.getNodeType() + ")");
      }
      String fault = ManifestRules.textFault(value.textValue());
      if (fault != null) {
        throw new RecordManifestException(at(name), fault);
      }
      return value.textValue();
    }

    Optional<String> optionalText(String name) throws RecordManifestException {
      return has(name) ? Optional.of(text(name)) : Optional.empty();
    }

    String nonEmptyText(String name) throws RecordManifestException {
      String value = text(name);
      if (value.isEmpty()) {
        throw new RecordManifestException(at(name), "must not be empty");
      }
      return value;
    }

    long integer(String name, long min, long max) throws RecordManifestException {
      JsonNode value = required(name);
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw new RecordManifestException(at(name), "must be a whole JSON number from " + min + " to " + max
            + " (was " + value + ")");
      }
      long number = value.longValue();
      if (number < min || number > max) {
        throw new RecordManifestException(at(name), "must be from " + min + " to " + max + " (was " + number + ")");
      }
      return number;
    }

    long decimalId(String name) throws RecordManifestException {
      String value = text(name);
      if (!DECIMAL_ID.matcher(value).matches()) {
        throw new RecordManifestException(at(name), "must be a positive whole number written as a JSON string of "
            + "decimal digits, such as \"123456789\" (was " + ManifestRules.quoted(value) + ")");
      }
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new RecordManifestException(at(name), "must be at most " + Long.MAX_VALUE + " (was " + value + ")", e);
      }
    }

    ParticipantId participantId(String name) throws RecordManifestException {
      String value = text(name);
      return build(name, () -> ParticipantId.of(value));
    }

    <E extends Enum<E>> E constant(String name, Class<E> type) throws RecordManifestException {
      String value = text(name);
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(value)) {
          return constant;
        }
      }
      List<String> names = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        names.add(constant.name());
      }
      throw new RecordManifestException(at(name), "must be one of " + String.join(", ", names) + " (was "
          + ManifestRules.quoted(value) + ")");
    }

    Instant instant(String name) throws RecordManifestException {
      String value = text(name);
      try {
        return Instants.parse(value);
      } catch (IllegalArgumentException e) {
        throw new RecordManifestException(at(name), e.getMessage() + " (was " + ManifestRules.quoted(value) + ")", e);
      }
    }

    String hash(String name) throws RecordManifestException {
      String value = text(name);
      String fault = ManifestRules.hashFault(value);
      if (fault != null) {
        throw new RecordManifestException(at(name), fault);
      }
      return value;
    }

    String base64(String name) throws RecordManifestException {
      String value = text(name);
      String fault = ManifestRules.base64Fault(value);
      if (fault != null) {
        throw new RecordManifestException(at(name), fault);
      }
      return value;
    }

    Optional<String> optionalBase64(String name) throws RecordManifestException {
      return has(name) ? Optional.of(base64(name)) : Optional.empty();
    }

    List<JsonNode> array(String name) throws RecordManifestException {
      JsonNode value = required(name);
      if (!value.isArray()) {
        throw new RecordManifestException(at(name), "must be a JSON array (was " + value.getNodeType() + ")");
      }
      List<JsonNode> items = new ArrayList<>(value.size());
      value.elements().forEachRemaining(items::add);
      return items;
    }

    List<String> hashes(String name) throws RecordManifestException {
      List<JsonNode> items = array(name);
      List<String> hashes = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        String at = at(name) + "/" + i;
        if (!item.isTextual()) {
          throw new RecordManifestException(at, "must be a JSON string (a hash; was " + item.getNodeType() + ")");
        }
        String fault = ManifestRules.hashFault(item.textValue());
        if (fault != null) {
          throw new RecordManifestException(at, fault);
        }
        hashes.add(item.textValue());
      }
      return hashes;
    }

    Fields object(String name, String... names) throws RecordManifestException {
      return new Fields(required(name), at(name), version, names);
    }

    /** Builds a value of the API, turning its refusal into a fault at {@code name} (or at this object, for ""). */
    <T> T build(String name, Build<T> build) throws RecordManifestException {
      try {
        return build.get();
      } catch (InvalidInputException e) {
        throw new RecordManifestException(name.isEmpty() ? pointer : at(name),
            "is refused by the record's rules: " + e.getMessage(), e);
      }
    }

    /** A field name as a JSON Pointer token (RFC 6901: ~ as ~0, / as ~1). */
    private static String escape(String name) {
      return name.replace("~", "~0").replace("/", "~1");
    }
  }
}
