package dev.casemail.messaging.record.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordedMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Writes a realistic export as a PDF and its pages as PNG images under {@code target/record-pdf-look/},
 * for a person to look at (the images are not compared with anything: what is checked is that every
 * page renders and is not blank).
 */
class RecordPdfLookTest {

  static final Path OUT = Path.of("target", "record-pdf-look");

  static RecordExport lookExport() {
    RecordFixture record = RecordFixture.danasRecord();
    record.exportAll();
    ParticipantView noa = ParticipantView.of(ParticipantId.of("noa.levi@example.org"), ParticipantRole.PRACTITIONER, "נועה לוי");
    record.systemMessage(MessageKind.ACTION_ITEM, "Access request from Noa Levi", "Noa Levi asks for professional access to your record.");
    RecordedMessage hebrew = record.message(noa, List.of(RecordFixture.DANA), "פגישה ביום שלישי",
        "שלום דנה,\n\nהפגישה הבאה שלנו ביום שלישי בשעה 10:30 בחדר 4. אנא הביאי את דוחות בית הספר (אם יש).\n\nבברכה,\nנועה");
    record.firstView(hebrew.id(), RecordFixture.DANA.id());
    StringBuilder longBody = new StringBuilder("Sam,\n\nThis is the summary of the holiday arrangements we discussed, "
        + "so that we both have it in writing.\n\n");
    for (int i = 1; i <= 60; i++) {
      longBody.append(i).append(". On day ").append(i).append(" the children stay with ")
          .append(i % 2 == 0 ? "me" : "you").append("; hand-over at the school gate at 3:15 pm, or at the library "
              + "when school is closed. Any change is agreed in writing at least 48 hours before.\n");
    }
    longBody.append("\nA link for the calendar: https://calendar.example.org/share/2026/holidays/whitfield-children-"
        + "arrangements-version-3-final-really-final-this-time.ics\n\nEmoji from the kids: 🌞🏖️👨‍👩‍👧 — Dana");
    RecordedMessage summary = record.message(RecordFixture.DANA, List.of(RecordFixture.SAM, RecordFixture.MEDIATOR),
        "Holiday arrangements 2026 — summary of what we agreed in mediation on 12 March, for both of us to keep",
        longBody.toString());
    record.firstView(summary.id(), RecordFixture.MEDIATOR.id());
    record.message(RecordFixture.SAM, List.of(RecordFixture.DANA), "Re: Holiday arrangements 2026", "");
    return record.export(RecordScope.all(), Optional.of("Family Court, case FD-2026-0117, order of 20 March 2026"));
  }

  @Test
  void theLookExportRendersEveryPageAsAPicture() throws IOException {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    RecordPdf.write(lookExport(), pdf);

    List<Path> pngs = render(pdf.toByteArray(), "look");

    assertThat(pngs).isNotEmpty();
    for (Path png : pngs) {
      assertThat(Files.size(png)).as(png.toString()).isGreaterThan(10_000);
    }
  }

  @Test
  void manyShortMessagesRenderAsPicturesToo() throws IOException {
    RecordFixture record = new RecordFixture(RecordFixture.DANA);
    for (int i = 0; i < 40; i++) {
      StringBuilder body = new StringBuilder("Message ").append(i).append(".\n");
      for (int line = 0; line < i % 17; line++) {
        body.append("The children's schedule for week ").append(line).append(" stays as agreed; pick-up at 5 pm.\n");
      }
      boolean sent = i % 3 == 0;
      RecordedMessage message = record.message(sent ? RecordFixture.DANA : RecordFixture.SAM,
          List.of(sent ? RecordFixture.SAM : RecordFixture.DANA), "Schedule, week " + i, body.toString());
      if (i % 2 == 0) {
        record.firstView(message.id(), sent ? RecordFixture.SAM.id() : RecordFixture.DANA.id());
      }
    }
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    RecordPdf.write(record.exportAll(), pdf);

    assertThat(render(pdf.toByteArray(), "many")).isNotEmpty();
  }

  /** Writes the PDF and its first pages as PNG under {@link #OUT}, named {@code name}. */
  static List<Path> render(byte[] pdf, String name) throws IOException {
    Files.createDirectories(OUT);
    Files.write(OUT.resolve(name + ".pdf"), pdf);
    return PdfPages.renderToPng(pdf, OUT, name, 20);
  }
}
