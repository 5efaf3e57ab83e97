package dev.casemail.messaging.record.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Test helpers on a written PDF: its pages as PNG images (to look at), its text page by page. */
final class PdfPages {

  private PdfPages() {}

  /** Renders every page (at most {@code max}) to {@code directory/<name>-page-N.png} and returns the paths. */
  static List<Path> renderToPng(byte[] pdf, Path directory, String name, int max) throws IOException {
    Files.createDirectories(directory);
    List<Path> pngs = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(document);
      for (int i = 0; i < Math.min(max, document.getNumberOfPages()); i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, 110, ImageType.RGB);
        Path png = directory.resolve(name + "-page-" + (i + 1) + ".png");
        ImageIO.write(image, "png", png.toFile());
        pngs.add(png);
      }
    }
    return pngs;
  }

  /** The text of each page as PDFBox's text extraction gives it, with its default settings. */
  static List<String> pageTexts(byte[] pdf) throws IOException {
    List<String> texts = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        texts.add(stripper.getText(document));
      }
    }
    return texts;
  }
}
