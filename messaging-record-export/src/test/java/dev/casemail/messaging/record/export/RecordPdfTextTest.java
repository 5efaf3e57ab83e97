package dev.casemail.messaging.record.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordExport;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever a message says, in whatever script and direction, the PDF's extracted text compares equal
 * to it under {@link RecordPdfText}'s rules: random bodies and subjects mixing Hebrew, Latin, Cyrillic,
 * digits, brackets and punctuation, emoji, CJK, Arabic, combining marks, odd spaces and long words.
 */
class RecordPdfTextTest {

  private static final String[] PIECES = {
    "שלום", "עולם", "בית המשפט", "ב-10:30", "(חדר 4)", "\"ציטוט\"", "מס' 2026/117", "ש\u05B8\u05C1לו\u05B9ם", "א\u05B0",
    "hello", "the hearing", "9 am.", "e-mail: a@b.example", "https://example.org/a/b?c=d&e=f", "Grüße", "naïve", "e\u0301",
    "Привет", "Καλημέρα", "1,000.50", "+972-3-555-1234", "-5", "10%", "(", ")", "[", "]", "{x}", "<y>", "«z»", "!", "?", ",",
    ".", ":", ";", "—", "–", "'", "\"", "/", "\\", "#", "€", "₪", "😀", "👨\u200D👩\u200D👧", "🇩🇪", "名前", "مرحبا", "\u00A0",
    "\t", "\u200B", "\u202E", "\u2066", "■", "[U+0041]", "[U+", "ﬁ", "x".repeat(90), "\u05D0".repeat(70), "  ", "\n", "\n\n",
  };

  private static String random(Random random, int pieces) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
      if (random.nextInt(3) > 0) {
        text.append(' ');
      }
    }
    return text.toString();
  }

  @Test
  void randomMixedScriptTextReadsBackAsTheRecordSays() throws IOException {
    for (long seed = 1; seed <= 4; seed++) {
      Random random = new Random(seed);
      RecordFixture record = new RecordFixture(RecordFixture.DANA);
      for (int i = 0; i < 60; i++) {
        String subject = random(random, 1 + random.nextInt(6)).replace('\n', ' ').strip();
        record.message(i % 2 == 0 ? RecordFixture.DANA : RecordFixture.SAM,
            List.of(i % 2 == 0 ? RecordFixture.SAM : RecordFixture.DANA), subject.isEmpty() ? "s" : subject,
            random(random, random.nextInt(40)));
      }
      RecordExport export = record.exportAll();
      ExtractedText text = new ExtractedText(PdfPages.pageTexts(RecordPdfTest.pdf(export)));
      for (ProvenEntry entry : export.entries()) {
        ExtractedText.Entry found = text.entries.get(entry.entry().index());
        assertThat(found).as("seed %d entry %d", seed, entry.entry().index()).isNotNull();
        String bates = RecordPdf.batesPrefix(export) + String.format("-%06d", found.page());
        assertThat(RecordPdfText.comparable(found.text()))
            .as("seed %d entry %d", seed, entry.entry().index())
            .isEqualTo(RecordPdfText.comparableRecorded(RecordPdfText.entryText(export, entry, bates)));
      }
    }
  }

  @Test
  void aParagraphWhoseRightToLeftLinesWouldNotReadBackIsWrittenWithItsHebrewEscaped() {
    // every line of what TextLines draws reads back, by the extraction's rules, as the line it stands for
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      String shown = ShownText.shown(random(random, 1 + random.nextInt(12)));
      for (String paragraph : shown.split("\r\n|\r|\n", -1)) {
        StringBuilder drawn = new StringBuilder();
        for (TextLines.Line line : TextLines.lines(paragraph, 200, 10)) {
          drawn.append(TextLines.extracted(line.text()));
        }
        assertThat(RecordPdfText.comparable(drawn.toString())).as(paragraph)
            .isEqualTo(RecordPdfText.comparable(paragraph));
      }
    }
  }

  @Test
  void linesBreakAtSpacesAndCutAWordWiderThanTheLineButNeverAnEscape() {
    List<TextLines.Line> lines = TextLines.lines(ShownText.shown("short words here " + "x".repeat(200) + " 😀😀😀😀😀😀😀😀😀😀"), 150, 10);
    assertThat(lines).allMatch(l -> l.width() <= 150.01f);
    assertThat(lines.get(0).text()).isEqualTo("short words here");
    for (TextLines.Line line : lines) {
      assertThat(line.text().replaceAll("\\[U\\+[0-9A-F]{4,6}\\]", "")).doesNotContain("[").doesNotContain("]");
    }
    assertThat(TextLines.lines("", 150, 10)).hasSize(1);
    assertThat(TextLines.lines("   indented", 150, 10).get(0).text()).isEqualTo("   indented");
    assertThat(TextLines.lines("a\u00A0b", 1, 10).get(0).text()).as("no break at a no-break space").isEqualTo("a");
  }
}
