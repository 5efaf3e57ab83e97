package dev.casemail.messaging.record.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordedMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

class RecordPdfTest {

  static byte[] pdf(RecordExport export) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RecordPdf.write(export, out);
    return out.toByteArray();
  }

  static ExtractedText extracted(byte[] pdf) throws IOException {
    return new ExtractedText(PdfPages.pageTexts(pdf));
  }

  /** Whether {@code text}'s extracted form holds {@code recorded}, by the comparison rules. */
  static boolean says(String text, String recorded) {
    return RecordPdfText.comparable(text).contains(RecordPdfText.comparableRecorded(recorded));
  }

  @Test
  void theCoverSaysWhoseRecordWhatScopeWhichExportWhoAskedTheSignedHeadsAndHowToVerify() throws IOException {
    RecordFixture record = RecordFixture.danasRecord();
    record.exportAll();
    RecordExport export = record.export(RecordScope.with(RecordFixture.SAM.id()), Optional.of("Family Court FD-2026-0117"));
    String cover = PdfPages.pageTexts(pdf(export)).get(0);

    assertThat(cover).contains("Record export", "Dana Whitfield", "parent · id dana", "Record of Dana Whitfield (parent, dana)",
        "the correspondence with Sam Whitfield (parent, sam)", "Export number 2",
        "Exported at " + Instants.shown(export.export().exportedAt()),
        "the host, under court order Family Court FD-2026-0117",
        "Signed at " + Instants.shown(export.head().signedAt()), "Algorithm Ed25519",
        "the SHA-256 fingerprint of the public key", "How to verify",
        "java -jar casemail-record-verifier.jar verify <this PDF> --key <public key PEM>", "manifest.json");
    assertThat(says(cover, "Entries " + export.head().size())).isTrue();
    assertThat(says(cover, "Root hash " + export.head().rootHash())).isTrue();
    assertThat(says(cover, "Key id " + export.head().keyId())).isTrue();
    assertThat(says(cover, "Signature " + export.head().signature())).isTrue();
    assertThat(says(cover, "Previous export Entries " + export.previousHead().orElseThrow().size())).isTrue();
    assertThat(says(cover, "Root hash " + export.previousHead().orElseThrow().rootHash())).isTrue();
    assertThat(cover).contains("Time-stamp an RFC 3161 time-stamp token over the head is in the manifest");
  }

  @Test
  void theCoverOfTheOwnersFirstExportSaysSoAndThatThereIsNoEarlierHead() throws IOException {
    String cover = PdfPages.pageTexts(pdf(RecordFixture.danasRecord().exportAll())).get(0);
    assertThat(cover).contains("the whole record", "Asked by the owner, Dana Whitfield (parent, dana)",
        "none: this is the first export of this record", "Time-stamp none");
  }

  @Test
  void everyEntryHasExactlyOneMarkerAndEveryMessagesFieldsAreInTheExtractedText() throws IOException {
    RecordFixture record = RecordFixture.danasRecord();
    record.systemMessage(MessageKind.NOTIFICATION, "A journal entry was shared with you", "");
    RecordExport export = record.exportAll();
    ExtractedText text = extracted(pdf(export));

    assertThat(text.markerLines).hasSize(export.entries().size());
    assertThat(text.entries.keySet())
        .containsExactlyInAnyOrderElementsOf(export.entries().stream().map(e -> e.entry().index()).toList());
    for (ProvenEntry entry : export.entries()) {
      ExtractedText.Entry found = text.entries.get(entry.entry().index());
      String bates = RecordPdf.batesPrefix(export) + String.format("-%06d", found.page());
      assertThat(RecordPdfText.comparable(found.text()))
          .as("entry %d", entry.entry().index())
          .isEqualTo(RecordPdfText.comparableRecorded(RecordPdfText.entryText(export, entry, bates)));
      assertThat(says(found.text(), "Leaf index " + entry.entry().index() + " · hash " + entry.leafHash())).isTrue();
      if (entry.entry().content() instanceof RecordedMessage message) {
        assertThat(found.lines().get(0)).isEqualTo("■ Entry " + entry.entry().index() + " · message " + message.id());
        assertThat(says(found.text(), "Subject " + message.subject())).isTrue();
        assertThat(says(found.text(), message.body())).isTrue();
        assertThat(says(found.text(), "Sent " + Instants.shown(message.sentAt()))).isTrue();
        assertThat(says(found.text(), "Bates " + bates)).isTrue();
        message.sender().ifPresentOrElse(
            s -> assertThat(says(found.text(), "From " + s.displayName() + " (" + s.role().name().toLowerCase() + ", " + s.id() + ")")).isTrue(),
            () -> assertThat(found.text()).contains("From the system"));
        for (ParticipantView recipient : message.recipients()) {
          assertThat(says(found.text(), recipient.displayName() + " (" + recipient.role().name().toLowerCase() + ", "
              + recipient.id() + ")")).as("recipient %s", recipient.id()).isTrue();
        }
      }
    }
  }

  @Test
  void eachRecipientsFirstViewIsShownOrNeverForASentMessageAndTheOwnersOwnForAReceivedOne() throws IOException {
    RecordFixture record = RecordFixture.danasRecord();
    RecordExport export = record.exportAll();
    ExtractedText text = extracted(pdf(export));
    ProvenEntry sent = export.entries().get(2); // Dana to Sam and the mediator; Sam has looked
    ProvenEntry viewOfSent = export.entries().get(3);
    assertThat(text.entries.get(2L).text())
        .contains("First viewed Sam Whitfield (parent, sam): " + Instants.shown(viewOfSent.entry().content().at()))
        .contains("Dr. Ruth Okafor (practitioner, mediator-7): never");
    assertThat(((RecordedMessage) sent.entry().content()).sender().orElseThrow()).isEqualTo(RecordFixture.DANA);
    String received = text.entries.get(4L).text(); // Sam's reply to Dana
    assertThat(received).contains("First viewed Dana Whitfield (parent, dana): never").doesNotContain("Sam Whitfield (parent, sam): never");
  }

  @Test
  void everyPageIsNumberedAndBatesStampedInItsFooterAndEveryMessageNamesTheBatesNumberOfItsFirstPage() throws IOException {
    RecordExport export = RecordPdfLookTest.lookExport();
    byte[] pdf = pdf(export);
    ExtractedText text = extracted(pdf);
    int pages = text.footers.size();
    String prefix = RecordPdf.batesPrefix(export);

    assertThat(prefix).isEqualTo("CM-DANA-E2");
    assertThat(pages).isGreaterThan(3);
    for (int page = 1; page <= pages; page++) {
      assertThat(text.footers.get(page - 1).replaceAll("\\s+", " "))
          .isEqualTo("page " + page + " of " + pages + " " + prefix + String.format("-%06d", page));
    }
    for (String header : text.headers) {
      assertThat(header).startsWith("Record of Dana Whitfield (parent, dana) · export 2");
    }
    assertThat(text.headers).anyMatch(h -> h.endsWith("continued"));
    assertThat(text.cover).contains("Bates numbers " + prefix + "-000001 to " + prefix + String.format("-%06d", pages));
    for (ExtractedText.Entry entry : text.entries.values()) {
      if (entry.lines().get(0).contains("· message ")) {
        assertThat(entry.lines().get(1)).isEqualTo("Bates " + prefix + String.format("-%06d", entry.page()));
      }
    }
  }

  @Test
  void aBodyLongerThanAPageContinuesOnTheNextPagesUnderAHeaderThatSaysSo() throws IOException {
    RecordExport export = RecordPdfLookTest.lookExport();
    ExtractedText text = extracted(pdf(export));
    ExtractedText.Entry summary = text.entries.values().stream()
        .filter(e -> e.text().contains("Holiday arrangements 2026 — summary")).findFirst().orElseThrow();
    RecordedMessage message = export.entries().stream().map(e -> e.entry().content())
        .filter(c -> c instanceof RecordedMessage m && m.subject().startsWith("Holiday arrangements 2026 — summary"))
        .map(RecordedMessage.class::cast).findFirst().orElseThrow();

    assertThat(says(summary.text(), message.body())).isTrue();
    assertThat(text.headers).contains("Record of Dana Whitfield (parent, dana) · export 2 " + summary.lines().get(0).substring(2) + ", continued");
  }

  @Test
  void theManifestIsEmbeddedAsTheAttachedFileManifestJsonAndIsTheJsonManifest() throws IOException {
    RecordExport export = RecordPdfLookTest.lookExport();
    try (PDDocument document = Loader.loadPDF(pdf(export))) {
      PDEmbeddedFilesNameTreeNode files = document.getDocumentCatalog().getNames().getEmbeddedFiles();
      assertThat(files.getNames()).containsOnlyKeys("manifest.json");
      PDComplexFileSpecification spec = files.getNames().get("manifest.json");
      PDEmbeddedFile file = spec.getEmbeddedFile();
      assertThat(spec.getFilename()).isEqualTo("manifest.json");
      assertThat(file.getSubtype()).isEqualTo("application/json");
      assertThat(file.toByteArray()).isEqualTo(RecordManifest.toBytes(export));
      assertThat(RecordManifest.read(file.toByteArray())).isEqualTo(export);
      assertThat(file.getSize()).isEqualTo(file.toByteArray().length);
    }
  }

  @Test
  void theTextIsTextInOneEmbeddedSubsetTrueTypeFont() throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf(RecordPdfLookTest.lookExport()))) {
      for (int i = 0; i < document.getNumberOfPages(); i++) {
        var resources = document.getPage(i).getResources();
        assertThat(resources.getXObjectNames()).as("no images").isEmpty();
        for (var name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          assertThat(font.isEmbedded()).isTrue();
          assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSans");
        }
      }
    }
  }

  @Test
  void theSameExportIsAlwaysTheSamePdf() throws IOException {
    RecordExport export = RecordPdfLookTest.lookExport();
    assertThat(pdf(export)).isEqualTo(pdf(export));
  }

  @Test
  void nonLatinRightToLeftAndEmojiTextReadsBackAsTheRecordSaysAndHebrewAsHebrew() throws IOException {
    RecordFixture record = new RecordFixture(RecordFixture.DANA);
    ParticipantView yossi = ParticipantView.of(ParticipantId.of("יוסי"), ParticipantRole.PARENT, "יוסי כהן");
    ParticipantView mei = ParticipantView.of(ParticipantId.of("mei/2026"), ParticipantRole.PRACTITIONER, "王美 (Wang Mei)");
    ParticipantView olga = ParticipantView.of(ParticipantId.of("olga.k"), ParticipantRole.PRACTITIONER, "Ольга Кузнецова");
    ParticipantView amira = ParticipantView.of(ParticipantId.of("amira"), ParticipantRole.PARENT, "أميرة");
    record.message(yossi, List.of(RecordFixture.DANA), "פגישה ביום שלישי ב-10:30 (חדר 4)",
        "שלום דנה,\nהפגישה הבאה שלנו ביום שלישי בשעה 10:30, בחדר 4. אנא הביאי את דוחות בית הספר (אם יש) — "
            + "ואת הטופס של \"בית המשפט\" מספר 2026/117.\nתודה!\n\nשָׁלוֹם with points, and English in between: "
            + "the hearing is at 9 am.");
    record.message(mei, List.of(RecordFixture.DANA, olga), "会议记录 · Протокол · 📝",
        "您好，下次会议在星期二。\nДобрый день! Следующая встреча во вторник.\nΚαλημέρα, τα λέμε την Τρίτη.\n"
            + "Emoji: 😀👍🏽👨‍👩‍👧 ❤️ ✔︎ and a flag 🇩🇪, a tab\there, a\u00a0no-break space, e\u0301 decomposed, "
            + "ﬁ ligature, a zero\u200bwidth space, \u202eoverride\u202c, a literal [U+0041] and a square ■.");
    record.message(RecordFixture.DANA, List.of(amira, yossi), "رسالة عربية",
        "مرحبا، الاجتماع القادم يوم الثلاثاء الساعة 10:30.\nשלום גם לך, יוסי! مع السلامة");
    RecordExport export = record.exportAll();
    byte[] pdf = pdf(export);
    ExtractedText text = extracted(pdf);

    for (ProvenEntry entry : export.entries()) {
      ExtractedText.Entry found = text.entries.get(entry.entry().index());
      String bates = RecordPdf.batesPrefix(export) + String.format("-%06d", found.page());
      assertThat(RecordPdfText.comparable(found.text()))
          .as("entry %d", entry.entry().index())
          .isEqualTo(RecordPdfText.comparableRecorded(RecordPdfText.entryText(export, entry, bates)));
    }
    String all = String.join("\n", PdfPages.pageTexts(pdf));
    assertThat(all).as("Hebrew is drawn as Hebrew").contains("שלום דנה,").contains("יוסי כהן");
    assertThat(all).as("Cyrillic and Greek as themselves").contains("Ольга Кузнецова", "Καλημέρα, τα λέμε την Τρίτη.");
    assertThat(all).as("what the font cannot show, escaped").contains("[U+1F600][U+1F44D][U+1F3FD]", "[U+738B][U+7F8E]",
        "[U+0623][U+0645][U+064A][U+0631][U+0629]", "[U+200B]", "[U+202E]", "[U+FB01]", "[U+005B]U+0041]", "[U+25A0]");
    assertThat(all).as("composed as NFC").contains("é decomposed");
    RecordPdfLookTest.render(pdf, "scripts");
  }

  @Test
  void theComparisonRulesUndoTheEscapesAndIgnoreWhitespaceAndDirectionMarks() {
    assertThat(RecordPdfText.comparable("\u200fשלום [U+1F600]\n  a\u200e[U+005B]U+0041] e\u0301"))
        .isEqualTo(RecordPdfText.comparableRecorded("שלום 😀 a[U+0041] \u00e9"));
    assertThat(RecordPdfText.comparable("[U+110000] [U+12]")).isEqualTo("[U+110000][U+12]");
  }
}
