package dev.casemail.messaging.record.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.casemail.messaging.record.export.RecordPdf;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** What a forger would do to an export: edit its manifest's JSON, or the text its PDF shows. */
final class Tamper {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Tamper() {}

  /** The manifest, its JSON tree changed by {@code edit}, written again (two-space indents, fields in order). */
  static byte[] json(byte[] manifest, Consumer<ObjectNode> edit) {
    try {
      ObjectNode tree = (ObjectNode) JSON.readTree(manifest);
      edit.accept(tree);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first entry of the manifest whose {@code field} is {@code value} (a message's subject, say). */
  static ObjectNode entry(ObjectNode manifest, String field, String value) {
    for (JsonNode entry : manifest.get("entries")) {
      if (entry.has(field) && entry.get(field).asText().equals(value)) {
        return (ObjectNode) entry;
      }
    }
    throw new AssertionError("no entry has " + field + " " + value);
  }

  /** The first entry of the manifest of that kind. */
  static ObjectNode entryOfKind(ObjectNode manifest, String kind) {
    return entry(manifest, "kind", kind);
  }

  /** {@code text} with its character at {@code at} replaced by another. */
  static String oneCharacter(String text, int at) {
    char c = text.charAt(at);
    char other = c == 'x' ? 'y' : Character.isDigit(c) ? (char) ('0' + (c - '0' + 1) % 10) : 'x';
    return text.substring(0, at) + other + text.substring(at + 1);
  }

  /** A lowercase hex string with its first digit changed. */
  static String hex(String hex) {
    return (hex.charAt(0) == '0' ? "1" : "0") + hex.substring(1);
  }

  /** A base64 value, its decoded bytes with one bit flipped in the middle. */
  static String base64(String base64) {
    byte[] bytes = java.util.Base64.getDecoder().decode(base64);
    bytes[bytes.length / 2] ^= 0x01;
    return java.util.Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * The PDF with one character of a shown text changed: in the first text show operator ({@code Tj})
   * whose string reads as something containing {@code shown}, the glyph of the character at {@code
   * shown}'s start is replaced by the glyph of another character of that string. Nothing else is changed:
   * the content stream is rewritten token by token, and the embedded manifest stays as it was.
   */
  static byte[] pdfText(byte[] pdf, String shown) {
    return pdfShowing(pdf, shown, (tokens, at, glyphs) -> {
      tokens.set(at - 1, new COSString(glyphs.changed()));
    });
  }

  /**
   * The PDF with operators put before the first text show operator that shows {@code shown} (such as
   * {@code 3 Tr}: draw it invisibly), its text left as it is.
   */
  static byte[] pdfBefore(byte[] pdf, String shown, Object... operators) {
    return pdfShowing(pdf, shown, (tokens, at, glyphs) -> tokens.addAll(at - 1, List.of(operators)));
  }

  /** A text show operator's string: its codes and what they read as. */
  record Glyphs(List<byte[]> codes, String text, int at) {
    /** The codes with the one at {@code at} replaced by that of another letter or digit of the string. */
    byte[] changed() {
      char target = text.charAt(at);
      for (int other = 0; other < text.length(); other++) {
        char c = text.charAt(other);
        if (c != target && Character.isLetterOrDigit(c)) {
          List<byte[]> changed = new ArrayList<>(codes);
          changed.set(at, codes.get(other));
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          changed.forEach(out::writeBytes);
          return out.toByteArray();
        }
      }
      throw new AssertionError("\"" + text + "\" has no other letter");
    }
  }

  interface Edit {
    void apply(List<Object> tokens, int showAt, Glyphs glyphs);
  }

  private static byte[] pdfShowing(byte[] pdf, String shown, Edit edit) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (PDPage page : document.getPages()) {
        PDFont font = font(page);
        PDFStreamParser parser = new PDFStreamParser(page);
        List<Object> tokens = parser.parse();
        for (int i = 1; i < tokens.size(); i++) {
          if (tokens.get(i) instanceof Operator operator && operator.getName().equals("Tj")
              && tokens.get(i - 1) instanceof COSString string) {
            Glyphs glyphs = glyphs(font, string.getBytes(), shown);
            if (glyphs != null) {
              edit.apply(tokens, i, glyphs);
              PDStream contents = new PDStream(document);
              try (OutputStream out = contents.createOutputStream(COSName.FLATE_DECODE)) {
                new ContentStreamWriter(out).writeTokens(tokens);
              }
              page.setContents(contents);
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              document.save(out);
              return out.toByteArray();
            }
          }
        }
      }
      throw new AssertionError("no text show operator of the PDF shows \"" + shown + "\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PDFont font(PDPage page) throws IOException {
    for (COSName name : page.getResources().getFontNames()) {
      return page.getResources().getFont(name);
    }
    throw new AssertionError("a page without a font");
  }

  /** The string's codes and text, if it reads as containing {@code shown}; else null. */
  private static Glyphs glyphs(PDFont font, byte[] string, String shown) throws IOException {
    List<byte[]> codes = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    InputStream in = new ByteArrayInputStream(string);
    int before = in.available();
    while (in.available() > 0) {
      int code = font.readCode(in);
      int length = before - in.available();
      before = in.available();
      byte[] bytes = new byte[length];
      for (int b = 0; b < length; b++) {
        bytes[length - 1 - b] = (byte) (code >> (8 * b));
      }
      codes.add(bytes);
      String unicode = font.toUnicode(code);
      if (unicode == null || unicode.length() != 1) {
        return null;
      }
      text.append(unicode);
    }
    int at = text.indexOf(shown);
    return at < 0 ? null : new Glyphs(codes, text.toString(), at);
  }

  /** The manifest embedded in a PDF. */
  static byte[] embeddedManifest(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get(RecordPdf.MANIFEST_NAME)
          .getEmbeddedFile().toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
