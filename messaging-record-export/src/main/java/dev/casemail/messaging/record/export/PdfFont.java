package dev.casemail.messaging.record.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one font of the PDF: Liberation Sans Regular (version 2.1.5, SIL Open Font License 1.1) as Apache
 * PDFBox ships it, embedded as a subset. It has glyphs for Latin, Greek, Cyrillic and Hebrew, no
 * Arabic, CJK or emoji; what it cannot show is escaped by {@link ShownText}. Its metrics are read once,
 * for line breaking; each document embeds its own copy.
 *
 * <p>The font is used without its glyph substitution table (GSUB): with it, PDFBox would draw "fi" as
 * a ligature glyph (which text extraction reads as U+FB01 and then rewrites) and spend most of the
 * time of a large export compiling regular expressions for it. The subset PDFBox embeds has no GSUB
 * table either way.
 */
final class PdfFont {

  /** Where PDFBox keeps the font. */
  static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  /** Advance width of each BMP code point in thousandths of the font size; NaN where the font has no glyph. */
  private static final float[] WIDTHS = new float[0x10000];
  /** The font file without its GSUB table. */
  private static final byte[] FONT;

  static {
    try (InputStream in = open()) {
      FONT = withoutTable(in.readAllBytes(), "GSUB");
      TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(FONT));
      try {
        CmapLookup cmap = font.getUnicodeCmapLookup();
        float scale = 1000f / font.getUnitsPerEm();
        for (int c = 0; c < WIDTHS.length; c++) {
          int glyph = cmap.getGlyphId(c);
          WIDTHS[c] = glyph > 0 ? font.getAdvanceWidth(glyph) * scale : Float.NaN;
        }
      } finally {
        font.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the font PDFBox ships cannot be read", e);
    }
  }

  private PdfFont() {}

  /** Whether the font has a glyph for the code point. */
  static boolean shows(int codePoint) {
    return codePoint < WIDTHS.length && !Float.isNaN(WIDTHS[codePoint]);
  }

  /** The width of a text the font {@linkplain #shows shows}, in points at {@code size}. */
  static float width(CharSequence text, float size) {
    float width = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      float w = WIDTHS[c];
      width += Float.isNaN(w) ? 0 : w;
    }
    return width * size / 1000f;
  }

  /** The font embedded (as a subset of the glyphs used) in {@code document}. */
  static PDType0Font embedIn(PDDocument document) throws IOException {
    return PDType0Font.load(document, new ByteArrayInputStream(FONT), true);
  }

  /**
   * The TrueType font file {@code font} with the table {@code tag} left out: the table directory
   * rewritten, every other table copied as it is (each at a four-byte boundary, as the format wants).
   * The head table's checksum adjustment no longer holds; nothing that reads the font here checks it.
   */
  static byte[] withoutTable(byte[] font, String tag) {
    ByteBuffer in = ByteBuffer.wrap(font);
    int tables = in.getShort(4) & 0xFFFF;
    List<int[]> kept = new ArrayList<>(); // record offset, table offset, length
    for (int i = 0; i < tables; i++) {
      int record = 12 + 16 * i;
      String name = new String(font, record, 4, StandardCharsets.US_ASCII);
      if (!name.equals(tag)) {
        kept.add(new int[] {record, in.getInt(record + 8), in.getInt(record + 12)});
      }
    }
    if (kept.size() == tables) {
      return font;
    }
    int directory = 12 + 16 * kept.size();
    int size = directory;
    for (int[] table : kept) {
      size += (table[2] + 3) & ~3;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    int power = Integer.highestOneBit(kept.size());
    out.putInt(in.getInt(0)).putShort((short) kept.size()).putShort((short) (power * 16))
        .putShort((short) Integer.numberOfTrailingZeros(power)).putShort((short) (kept.size() * 16 - power * 16));
    int offset = directory;
    for (int[] table : kept) {
      out.put(font, table[0], 8).putInt(offset).putInt(table[2]);
      out.put(offset, font, table[1], table[2]);
      offset += (table[2] + 3) & ~3;
    }
    return out.array();
  }

  private static InputStream open() throws IOException {
    InputStream in = PdfFont.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IOException("PDFBox's " + RESOURCE + " is not on the class path");
    }
    return in;
  }
}
