package dev.casemail.messaging.record.export;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Places text on A4 pages, top to bottom, breaking pages where the next line would not fit: the
 * pages as lists of things to draw, before anything is drawn (so the page count is known when the
 * footers are written). Lengths are in points.
 */
final class PdfLayout {

  static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
  static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
  static final float LEFT = 56;
  static final float RIGHT = PAGE_WIDTH - 56;
  static final float TOP = PAGE_HEIGHT - 64;
  static final float BOTTOM = 60;
  /** Where field values start: after the labels' column. */
  static final float VALUE_X = LEFT + 86;
  static final float LEADING = 1.3f;

  /** Something drawn on a page. */
  sealed interface Item permits Text, Rule {}

  /** One line of glyphs, left to right, its baseline at {@code y}. */
  record Text(float x, float y, String text, float size, boolean bold, float gray) implements Item {}

  /** A straight line. */
  record Rule(float x1, float y1, float x2, float y2, float width, float gray) implements Item {}

  /** One page: what it draws, and what its header says on the right. */
  static final class Page {
    final List<Item> items = new ArrayList<>();
    String context = "";
  }

  private final List<Page> pages = new ArrayList<>();
  private Page page;
  private float y;
  /** What a page that starts in the middle of something says it continues. */
  private String continuing = "";

  PdfLayout() {
    newPage();
  }

  List<Page> pages() {
    return pages;
  }

  /** The number of the current page, from 1. */
  int pageNumber() {
    return pages.size();
  }

  boolean atTop() {
    return y == TOP;
  }

  void newPage() {
    page = new Page();
    page.context = continuing;
    pages.add(page);
    y = TOP;
  }

  /** Starts a new page unless {@code height} more points fit on this one. */
  void keep(float height) {
    if (y - height < BOTTOM && !atTop()) {
      newPage();
    }
  }

  /** Vertical space, dropped at the top of a page. */
  void space(float height) {
    if (!atTop()) {
      y -= height;
    }
  }

  /** What the header of a page that starts from here on says. */
  void continuing(String context) {
    continuing = context;
  }

  /** Sets what the current page's header says, if nothing else has been said there. */
  void context(String context) {
    if (page.context.isEmpty()) {
      page.context = context;
    }
  }

  /** A rule across the text's width, at the current height. */
  void rule(float gray) {
    page.items.add(new Rule(LEFT, y, RIGHT, y, 0.5f, gray));
  }

  /**
   * One line of {@code size}: starts a new page first if it does not fit; {@code x} is its left edge,
   * or, for a right-aligned line, the left edge of the {@code width} it is aligned in.
   */
  float line(float x, float width, TextLines.Line line, float size, boolean bold, float gray) {
    return line(x, width, line, size, bold, gray, null, 0);
  }

  /**
   * As {@link #line(float, float, TextLines.Line, float, boolean, float)}, with a label of {@code
   * labelSize} at the left margin on the same baseline, drawn first so that text extraction reads it
   * first.
   */
  float line(float x, float width, TextLines.Line line, float size, boolean bold, float gray, String label,
      float labelSize) {
    float height = size * LEADING;
    if (y - height < BOTTOM) {
      newPage();
    }
    float baseline = y - size;
    if (label != null) {
      page.items.add(new Text(LEFT, baseline, label, labelSize, false, 0.38f));
    }
    float left = line.rightAligned() ? x + width - line.width() : x;
    if (!line.text().isEmpty()) {
      page.items.add(new Text(left, baseline, line.text(), size, bold, gray));
    }
    y -= height;
    return baseline;
  }

  /** A thin vertical rule beside a body's line, from {@code baseline}, {@code height} high. */
  void bar(float x, float baseline, float size) {
    float height = size * LEADING;
    page.items.add(new Rule(x, baseline - size * 0.28f, x, baseline - size * 0.28f + height, 0.8f, 0.75f));
  }
}
