package dev.casemail.messaging.record.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordedMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LargeExportTest {

  @Test
  void aFiveHundredMessageExportPaginatesKeepsEveryEntryAndTakesAFewSecondsAtMost() throws IOException {
    RecordFixture record = new RecordFixture(RecordFixture.DANA);
    for (int i = 0; i < 500; i++) {
      StringBuilder body = new StringBuilder("Message ").append(i).append(".\n");
      for (int line = 0; line < i % 17; line++) {
        body.append("The children's schedule for week ").append(line).append(" stays as agreed; pick-up at 5 pm.\n");
      }
      RecordedMessage message = record.message(i % 3 == 0 ? RecordFixture.DANA : RecordFixture.SAM,
          List.of(i % 3 == 0 ? RecordFixture.SAM : RecordFixture.DANA), "Schedule, week " + i, body.toString());
      if (i % 2 == 0) {
        record.firstView(message.id(), i % 3 == 0 ? RecordFixture.SAM.id() : RecordFixture.DANA.id());
      }
    }
    RecordExport export = record.exportAll();
    RecordPdfTest.pdf(export); // the first document loads the classes and the font

    long start = System.nanoTime();
    byte[] pdf = RecordPdfTest.pdf(export);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).as("writing the PDF of 500 messages").isLessThan(Duration.ofSeconds(5));
    ExtractedText text = new ExtractedText(PdfPages.pageTexts(pdf));
    int pages = text.footers.size();
    assertThat(pages).isGreaterThan(100);
    assertThat(text.entries).hasSize(export.entries().size());
    for (int page = 1; page <= pages; page++) {
      assertThat(text.footers.get(page - 1)).endsWith(String.format("CM-DANA-E1-%06d", page)).startsWith("page " + page + " of " + pages);
    }
    System.out.printf("500 messages, %d entries: %d pages, %d KiB, written in %d ms%n", export.entries().size(), pages,
        pdf.length / 1024, took.toMillis());
  }
}
