package dev.casemail.messaging.examples;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.AccessEvent;
import dev.casemail.messaging.api.AccessLinkView;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.CaseView;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftView;
import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewAttachment;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.NewNotification;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.OpenedAttachment;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.ReadReceipt;
import dev.casemail.messaging.api.RecipientGroup;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordedMessage;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.SignedTreeHead;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.blob.ContentHash;
import dev.casemail.messaging.record.export.RecordExports;
import dev.casemail.messaging.record.verifier.RecordVerifier;
import dev.casemail.messaging.record.verifier.Verdict;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The practitioner's Messages help page, step by step, as a host service would drive the library: a
 * mediator and one family of two parents, on the JDBC adapter ({@link SampleDatabase}: an H2 file by
 * default, PostgreSQL when given a URL). Run it with the command in README.md; it prints each step
 * and the mailboxes as their owners would read them, and ends as a court order would: the host
 * exports the mediator's record to a PDF and its JSON manifest, and verifies them offline with the
 * public record key, as a court's expert would. All along, the events dispatcher runs a console
 * "mailer" ({@link ConsoleMailer}) on the library's outbox; the last step prints the notices it sent.
 *
 * <p>Every run adds to the same database. A later run finds the participants registered and the
 * access approved by the first (registering again is a no-op; approved access is not requested
 * again), and the mailboxes holding every earlier run's messages.
 */
public final class PracticeWalkthrough {

  static final ParticipantId MEDIATOR = SamplePractice.MEDIATOR;
  static final ParticipantId ALEX = SamplePractice.ALEX;
  static final ParticipantId SAM = SamplePractice.SAM;
  static final String SESSION_SUBJECT = "Mediation session on the 14th";
  static final String CASE_FOLDER = "Morgan mediation";
  static final String REPORT_SUBJECT = "School report";
  static final String COURT_ORDER = "Family Court, Morgan v Morgan, case FC-2026-0142: order for disclosure";

  private final Messaging messaging;
  private final SampleDatabase database;
  private final PrintStream out;
  private final MailboxPrinter printer;
  private int step;

  PracticeWalkthrough(SampleDatabase database, PrintStream out) {
    this.messaging = database.messaging();
    this.database = database;
    this.out = out;
    this.printer = new MailboxPrinter(out);
  }

  /** Runs the walkthrough on the database the system properties of {@link SampleDatabase} name. */
  public static void main(String[] args) {
    try (SampleDatabase database = SampleDatabase.from(System.getProperties())) {
      System.out.println("Storage: " + database.description());
      new PracticeWalkthrough(database, System.out).run();
    }
  }

  void run() {
    try (ConsoleMailer mailer = ConsoleMailer.start(messaging)) {
      walkThrough();
      step("The host's mailer told each participant, one notice per " + ConsoleMailer.WINDOW.toSeconds()
          + " s window (a digest), without a subject or a body");
      List<String> notices = mailer.awaitNotices();
      notices.forEach(notice -> out.println("  " + notice));
      mailer.close();
      int left = mailer.leftPending();
      out.printf("  (%d events handled by the events dispatcher as consumer \"%s\"; %s)%n", mailer.handled(),
          ConsoleMailer.CONSUMER, left == 0 ? "none left pending" : left + " left pending for the next run");
    }
  }

  private void walkThrough() {
    ParticipantMessaging dana = messaging.actingAs(MEDIATOR);
    ParticipantMessaging alex = messaging.actingAs(ALEX);
    ParticipantMessaging sam = messaging.actingAs(SAM);
    printEarlierRuns(dana);

    step("The host registers its users: a mediator, and the Morgan family of two parents");
    SamplePractice.register(messaging.directory());
    printer.folders(dana);

    step("Dana requests professional access to Alex; the request lands in Alex's Action Items");
    requestUnlessGranted(dana, ALEX);
    printer.folder(alex, SystemFolder.ACTION_ITEMS.id());

    step("Alex approves; the answer lands in Dana's Action Items");
    approveIfPending(alex, dana, ALEX);
    printer.folder(dana, SystemFolder.ACTION_ITEMS.id());
    printCases(dana);
    printRecipients(dana);

    step("Dana messages Alex; Alex opens it, and Dana sees when it was first viewed");
    MessageView hello = dana.send(NewMessage.builder()
        .addRecipients(ALEX)
        .subject(SESSION_SUBJECT)
        .body("Hello Alex,\nour first joint session is on the 14th at 10:00. Please confirm.\nDana")
        .build());
    printer.folder(alex, SystemFolder.INBOX.id());
    printReceipts(dana, hello.id());
    alex.open(hello.id());
    printReceipts(dana, hello.id());

    step("Alex replies: same thread, \"Re:\" subject, the original quoted");
    MessageView alexReply = alex.reply(Reply.to(hello.id(), "Confirmed, I will be there."));
    out.printf("  \"%s\" in thread %s; body:%n%s%n", alexReply.subject(), alexReply.thread(), indent(alexReply.body()));

    step("Alex sends Dana a school report as a PDF; Dana opens it, and the hash of what she read is the one listed");
    sendAndOpenAFile(alex, dana);

    step("Dana tries to message Sam, Alex's co-parent: access to Alex does not reach Sam");
    Optional<AccessLinkView> samsAccess = link(dana, SAM);
    if (hasStatus(samsAccess, AccessStatus.APPROVED)) {
      out.printf("  not tried: %s (the refusal shows on a first run)%n", earlier(samsAccess.orElseThrow()));
    } else {
      try {
        dana.send(NewMessage.builder().addRecipients(SAM).subject("Hello").body("Hi Sam").build());
        throw new IllegalStateException("the library let Dana message Sam without access");
      } catch (AccessDeniedException refused) {
        out.println("  refused: " + refused.getMessage());
      }
    }
    printer.folders(sam);

    step("From My Cases, Dana requests access to Sam, and Sam approves");
    requestUnlessGranted(dana, SAM);
    approveIfPending(sam, dana, SAM);
    printCases(dana);

    step("Alex writes to Dana and Sam; Dana answers with Reply All");
    MessageView schedule = alex.send(NewMessage.builder()
        .addRecipients(MEDIATOR, SAM)
        .subject("Holiday schedule")
        .body("Could we discuss the winter holiday schedule at the session?")
        .build());
    MessageView replyAll = dana.replyAll(Reply.builder().message(schedule.id())
        .body("Yes, I have added it to the agenda.").quoteOriginal(false).build());
    out.println("  Reply All went to " + names(replyAll.recipients()));

    step("Dana turns on her auto-responder; Sam writes and gets one auto-reply");
    dana.configureAutoResponder(AutoResponderSettings.builder()
        .enabled(true)
        .subject("Out of office until Monday")
        .body("I am away and will answer on Monday. For urgent matters call the court office.")
        .build());
    MessageView question = sam.send(NewMessage.builder()
        .addRecipients(MEDIATOR).subject("Documents").body("Which documents should I bring?").build());
    sam.send(NewMessage.builder()
        .addRecipients(MEDIATOR).subject("Documents (2)").body("Also: do I need the school reports?").build());
    printer.folder(sam, SystemFolder.INBOX.id());
    out.println("  (one auto-reply for two messages: at most one per sender every 7 days)");
    dana.configureAutoResponder(AutoResponderSettings.disabled());

    step("Dana saves a draft, edits it later, and sends it");
    DraftView draft = dana.saveDraft(DraftContent.builder()
        .inReplyTo(question.id())
        .body("Please bring the school reports")
        .build());
    printer.folders(dana);
    draft = dana.updateDraft(draft.id(), draft.version(), DraftContent.builder()
        .addRecipients(SAM)
        .inReplyTo(question.id())
        .subject("Re: Documents")
        .body("Please bring the school reports and your calendar.")
        .build());
    MessageView sentDraft = dana.sendDraft(draft.id());
    out.printf("  sent \"%s\" to %s; Drafts now holds %d%n",
        sentDraft.subject(), names(sentDraft.recipients()), dana.drafts(PageRequest.first()).items().size());

    step("The host posts a notification: Alex shared a journal entry with Dana");
    messaging.postNotification(NewNotification.builder()
        .recipient(MEDIATOR)
        .subject("Alex Morgan shared a journal entry with you")
        .body("Journal entry \"School pick-up, 3 March\" is now visible to you.")
        .build());
    printer.folder(dana, SystemFolder.NOTIFICATIONS.id());

    step("Dana files the Morgan correspondence into a custom folder and archives the rest");
    FolderView morganFolder = caseFolder(dana);
    Set<MessageId> morganInbox = list(dana, SystemFolder.INBOX).stream()
        .map(MessageSummary::id).collect(Collectors.toCollection(LinkedHashSet::new));
    dana.move(MoveRequest.of(morganInbox, morganFolder.id()));
    Set<MessageId> notices = list(dana, SystemFolder.NOTIFICATIONS).stream()
        .map(MessageSummary::id).collect(Collectors.toCollection(LinkedHashSet::new));
    dana.move(MoveRequest.of(notices, SystemFolder.ARCHIVE.id()));
    printer.folder(dana, morganFolder.id());
    printer.folder(dana, SystemFolder.ARCHIVE.id());

    step("All Messages: every message Dana received or sent, wherever it sits now");
    printer.folder(dana, SystemFolder.ALL_MESSAGES.id());

    step("Everyone's mailbox at the end");
    printer.folders(dana);
    printer.folders(alex);
    printer.folders(sam);

    step("A court orders Dana's record: the host exports it, and it is verified offline with the public key");
    exportAndVerify();
  }

  /**
   * A parent sends the mediator a file (a one-page PDF made now) and the mediator reads it back: the
   * library detected its type from the bytes, and the SHA-256 of the bytes read equals the one the view
   * lists, which the message's record entry carries.
   */
  private void sendAndOpenAFile(ParticipantMessaging alex, ParticipantMessaging dana) {
    byte[] pdf = SchoolReport.pdf();
    MessageView report = alex.send(NewMessage.builder()
        .addRecipients(MEDIATOR)
        .subject(REPORT_SUBJECT)
        .body("Dana, here is Jamie's school report, as you asked.")
        .addAttachments(NewAttachment.of(SchoolReport.NAME, "application/pdf", () -> new ByteArrayInputStream(pdf)))
        .build());
    AttachmentView listed = report.attachments().get(0);
    MessageDigest sha256 = sha256();
    long read;
    try (OpenedAttachment opened = dana.openAttachment(report.id(), listed.hash());
        DigestInputStream content = new DigestInputStream(opened.content(), sha256)) {
      read = content.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the attachment back", e);
    }
    ContentHash readHash = ContentHash.ofDigest(sha256.digest());
    out.printf("  \"%s\" from %s carries 1 file:%n", report.subject(), report.sender().orElseThrow().displayName());
    out.printf("    %s%n      type %s (detected from its bytes), %s, SHA-256 %s%n",
        listed.name(), listed.contentType(), size(listed.size()), listed.hash().hex());
    if (!readHash.equals(listed.hash()) || read != listed.size()) {
      throw new IllegalStateException("the file Dana read is not the one listed: " + readHash.hex());
    }
    out.printf("  Dana opened it: %s read, SHA-256 equal to the listed one%n", size(read));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** A size as a person reads it: bytes, then KiB or MiB with one decimal. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    String unit = bytes < 1024 * 1024 ? "KiB" : "MiB";
    double value = bytes < 1024 * 1024 ? bytes / 1024.0 : bytes / (1024.0 * 1024);
    return String.format(Locale.ROOT, "%.1f %s (%,d bytes)", value, unit, bytes);
  }

  /**
   * The host's export of the mediator's whole record for {@link #COURT_ORDER}: the PDF and its manifest
   * written to the exports directory, then checked by the verifier a court's expert runs, against the
   * public key alone and, from the second run on, against the export the run before wrote.
   */
  private void exportAndVerify() {
    RecordExport export = messaging.exportRecord(MEDIATOR, RecordScope.all(), COURT_ORDER);
    SignedTreeHead head = export.head();
    out.printf("  export %d of Dana's record, under \"%s\":%n", export.export().exportNumber(), COURT_ORDER);
    out.printf("  %d entries (messages, first views, access events, exports), all proven against the head of"
        + " %d entries signed %s by key %s…%n", export.entries().size(), head.size(), head.signedAt(),
        head.keyId().substring(0, 16));
    printExportedFiles(export);
    RecordExports.Written files;
    Path zip;
    try {
      files = RecordExports.write(export, database.exports());
      // the files themselves, beside the PDF: each streamed from the store, checked against the export's hash
      zip = RecordExports.writeZip(export, database.exports(),
          hash -> messaging.openExportedAttachment(export, hash).content());
    } catch (FileAlreadyExistsException clash) {
      out.printf("  not written: %s is there from a database that was removed since; remove %s to start"
          + " afresh%n", clash.getFile(), database.exports());
      return;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export to " + database.exports(), e);
    }
    Path key = database.recordKey().publicKeyFile();
    Optional<Path> previous = previousPdf(files.pdf(), export.export().exportNumber());
    out.printf("  PDF for people:   %s%n  JSON manifest:    %s%n  the files (ZIP):  %s%n  public key:       %s%s%n",
        shown(files.pdf()), shown(files.manifest()), shown(zip), shown(key),
        database.recordKey().created() ? " (made by this run)" : "");
    Verdict verdict;
    try {
      verdict = RecordVerifier.verify(
          shown(files.pdf()), shown(key), previous.map(PracticeWalkthrough::shown), Optional.of(shown(files.manifest())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the export back", e);
    }
    out.printf("  verified%s:%n    %s%n", previous.map(p -> " against the previous run's export").orElse(""),
        verdict.summary());
    out.printf("  a court's expert runs the same checks with the jar the build makes:%n"
        + "    java -jar messaging-record-verifier/target/casemail-record-verifier.jar verify %s --key %s%s%n",
        shown(files.pdf()), shown(key), previous.map(p -> " --previous " + shown(p)).orElse(""));
    if (!verdict.verified()) {
      throw new IllegalStateException("the export just written does not verify: " + verdict.summary());
    }
  }

  /** The files the exported messages carry, as the PDF and the manifest list them beside their hashes. */
  private void printExportedFiles(RecordExport export) {
    List<String> lines = new ArrayList<>();
    for (ProvenEntry proven : export.entries()) {
      if (proven.entry().content() instanceof RecordedMessage message) {
        for (AttachmentView file : message.files()) {
          lines.add(String.format("    %s, in \"%s\" (entry %d): %s, %s, SHA-256 %s…", file.name(), message.subject(),
              proven.entry().index(), file.contentType(), size(file.size()), file.hash().hex().substring(0, 16)));
        }
      }
    }
    out.printf("  %s, listed by name, type, size and SHA-256 in the PDF and the manifest%s%n",
        lines.size() == 1 ? "1 attached file" : lines.size() + " attached files", lines.isEmpty() ? "" : ":");
    lines.forEach(out::println);
  }

  /** A path as the person who started the program would type it: relative to where they are, if under it. */
  private static Path shown(Path path) {
    Path here = Path.of("").toAbsolutePath();
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
  }

  /** The PDF of the export before {@code number}, written by an earlier run beside this one's, if it is there. */
  private static Optional<Path> previousPdf(Path pdf, long number) {
    String name = pdf.getFileName().toString();
    String suffix = "-export-" + number + ".pdf";
    if (number <= 1 || !name.endsWith(suffix)) {
      return Optional.empty();
    }
    Path previous = pdf.resolveSibling(name.substring(0, name.length() - suffix.length()) + "-export-" + (number - 1) + ".pdf");
    return Files.isRegularFile(previous) ? Optional.of(previous) : Optional.empty();
  }

  private void step(String title) {
    out.printf("%n%d. %s%n", ++step, title);
  }

  /**
   * What earlier runs left in this database. Each run sends exactly one session invitation, so
   * Dana's Sent counts the runs that got that far.
   */
  private void printEarlierRuns(ParticipantMessaging dana) {
    try {
      messaging.directory().participant(MEDIATOR);
    } catch (NotFoundException newDatabase) {
      out.println("A new database: every mailbox starts empty.");
      return;
    }
    long messages = dana.folder(SystemFolder.ALL_MESSAGES.id(), PageRequest.first(1)).folder().total();
    long runs = 0;
    PageRequest page = PageRequest.first(InputRules.MAX_PAGE_SIZE);
    while (true) {
      FolderPage sent = dana.folder(SystemFolder.SENT.id(), page);
      runs += sent.items().stream()
          .filter(message -> message.kind() == MessageKind.PERSONAL && message.subject().equals(SESSION_SUBJECT))
          .count();
      if (sent.next().isEmpty()) {
        break;
      }
      page = page.next(sent.next().get());
    }
    out.printf("This database already holds %d message%s in Dana's All Messages from %d earlier run%s;"
        + " this run adds to them.%n", messages, messages == 1 ? "" : "s", runs, runs == 1 ? "" : "s");
  }

  /** The practitioner asks for access to the parent, unless it is granted or asked for already. */
  private void requestUnlessGranted(ParticipantMessaging practitioner, ParticipantId parent) {
    Optional<AccessLinkView> link = link(practitioner, parent);
    if (hasStatus(link, AccessStatus.APPROVED) || hasStatus(link, AccessStatus.REQUESTED)) {
      out.printf("  not asked again: %s%n", earlier(link.orElseThrow()));
    } else {
      practitioner.requestAccess(parent);
    }
  }

  /** The parent approves the practitioner's request if one is pending. */
  private void approveIfPending(
      ParticipantMessaging parent, ParticipantMessaging practitioner, ParticipantId parentId) {
    Optional<AccessLinkView> link = link(practitioner, parentId);
    boolean pending = hasStatus(link, AccessStatus.REQUESTED)
        && link.orElseThrow().requestedBy().equals(practitioner.participant());
    if (pending) {
      parent.approveAccess(practitioner.participant());
    } else {
      out.printf("  nothing to approve: %s%n", link.map(PracticeWalkthrough::earlier).orElse("no request"));
    }
  }

  private static Optional<AccessLinkView> link(ParticipantMessaging practitioner, ParticipantId parent) {
    return practitioner.accessLinks().stream()
        .filter(link -> link.parent().id().equals(parent))
        .findFirst();
  }

  private static boolean hasStatus(Optional<AccessLinkView> link, AccessStatus status) {
    return link.map(AccessLinkView::status).equals(Optional.of(status));
  }

  private static String earlier(AccessLinkView link) {
    AccessEvent last = link.history().get(link.history().size() - 1);
    return String.format("access to %s %s at %s, in an earlier run",
        link.parent().displayName(), last.status(), last.at());
  }

  /** Dana's custom folder for the case: created on a first run, the same folder on later ones. */
  private FolderView caseFolder(ParticipantMessaging dana) {
    Optional<FolderView> existing = dana.folders().stream()
        .filter(folder -> folder.isCustom() && folder.name().equals(CASE_FOLDER))
        .findFirst();
    if (existing.isPresent()) {
      out.printf("  (\"%s\" exists from an earlier run: Dana files into it again)%n", CASE_FOLDER);
      return existing.get();
    }
    return dana.createFolder(CASE_FOLDER);
  }

  private void printCases(ParticipantMessaging practitioner) {
    for (CaseView c : practitioner.cases()) {
      out.printf("  My Cases — %s:%n", c.name());
      c.members().forEach(member -> out.printf("    %-14s access: %s%n",
          member.parent().displayName(), member.access().map(Enum::name).orElse("none")));
    }
  }

  private void printRecipients(ParticipantMessaging mailbox) {
    out.println("  Recipients Dana may choose:");
    for (RecipientGroup group : mailbox.recipients()) {
      out.printf("    ▸ %s: %s%n", group.label(), names(group.recipients()));
    }
  }

  private void printReceipts(ParticipantMessaging sender, MessageId message) {
    for (ReadReceipt receipt : sender.preview(message).receipts()) {
      out.printf("  %s first viewed it: %s%n", receipt.recipient().displayName(),
          receipt.firstViewedAt().map(Object::toString).orElse("never"));
    }
  }

  private static List<MessageSummary> list(ParticipantMessaging mailbox, SystemFolder folder) {
    return mailbox.folder(folder.id(), PageRequest.first(PageRequest.DEFAULT_SIZE)).items();
  }

  private static String names(List<ParticipantView> participants) {
    return participants.stream().map(ParticipantView::displayName).collect(Collectors.joining(", "));
  }

  private static String indent(String text) {
    return text.lines().map(line -> "    | " + line).collect(Collectors.joining("\n"));
  }
}
