package dev.casemail.messaging.record.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record PDF's extracted text read as {@code docs/record-manifest.md} tells a verifier to: page by
 * page, the running header (first line, from page 2) and the footer (last line) set apart, the rest
 * cut into entries at their marker lines.
 */
final class ExtractedText {

  /** One entry's text: the page it starts on, its lines from the marker line on. */
  record Entry(long index, int page, List<String> lines) {
    String text() {
      return String.join("\n", lines);
    }
  }

  final List<String> headers = new ArrayList<>();
  final List<String> footers = new ArrayList<>();
  final List<String> markerLines = new ArrayList<>();
  final Map<Long, Entry> entries = new LinkedHashMap<>();
  final StringBuilder cover = new StringBuilder();

  ExtractedText(List<String> pages) {
    Entry current = null;
    for (int page = 1; page <= pages.size(); page++) {
      List<String> lines = new ArrayList<>(List.of(pages.get(page - 1).split("\\R")));
      while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
        lines.remove(lines.size() - 1);
      }
      footers.add(lines.remove(lines.size() - 1));
      if (page > 1) {
        headers.add(lines.remove(0));
      }
      for (String line : lines) {
        if (line.startsWith(RecordPdfText.ENTRY_MARKER)) {
          markerLines.add(line);
          String rest = line.substring(RecordPdfText.ENTRY_MARKER.length());
          long index = Long.parseLong(rest.substring(0, rest.indexOf(' ')));
          current = new Entry(index, page, new ArrayList<>(List.of(line)));
          if (entries.put(index, current) != null) {
            throw new AssertionError("two markers for entry " + index);
          }
        } else if (line.startsWith(RecordPdfText.MARKER + " ")) {
          current = null; // a section's heading, or the end
        } else if (current != null) {
          current.lines().add(line);
        } else if (page == 1) {
          cover.append(line).append('\n');
        }
      }
    }
  }
}
