package dev.casemail.messaging.events.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type, constructor, method and constant of the module carries a Javadoc comment (the
 * same check as the architecture tests' {@code ApiDocumentationTest} makes for the API).
 */
class DocumentationTest {

  private static final Path SOURCES = Path.of("src", "main", "java");

  @Test
  void everyPublicDeclarationHasJavadoc() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      sources = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.getFileName().toString().equals("package-info.java"))
          .collect(Collectors.toList());
    }
    assertThat(sources).as("sources under " + SOURCES.toAbsolutePath()).hasSizeGreaterThan(8);

    List<String> undocumented = new ArrayList<>();
    for (Path source : sources) {
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      boolean isInterface = lines.stream().anyMatch(l -> l.startsWith("public interface "));
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).trim();
        boolean isPublic = line.startsWith("public ") || isInterface && isInterfaceMember(lines.get(i));
        if (isPublic && !isDocumented(lines, i)) {
          undocumented.add(source.getFileName() + ":" + (i + 1) + "  " + line);
        }
      }
    }
    assertThat(undocumented).as("public declarations without Javadoc").isEmpty();
  }

  @Test
  void theModuleHasItsGuide() {
    assertThat(Path.of("..", "docs", "events-dispatcher.md")).exists();
  }

  /** A member of a top-level interface (implicitly public): a declaration at the first indentation. */
  private static boolean isInterfaceMember(String raw) {
    String line = raw.trim();
    return raw.startsWith("  ") && !raw.startsWith("   ") && !line.isEmpty() && !line.startsWith("*")
        && !line.startsWith("/") && !line.startsWith("@") && !line.startsWith("}");
  }

  /** Whether the declaration at {@code index} overrides, or has a Javadoc comment above its annotations. */
  private static boolean isDocumented(List<String> lines, int index) {
    int i = index - 1;
    while (i >= 0 && (lines.get(i).trim().startsWith("@") || lines.get(i).trim().isEmpty())) {
      if (lines.get(i).trim().equals("@Override")) {
        return true;
      }
      i--;
    }
    if (i < 0 || !lines.get(i).trim().endsWith("*/")) {
      return false;
    }
    while (i >= 0 && !lines.get(i).contains("/*")) {
      i--;
    }
    return i >= 0 && lines.get(i).contains("/**");
  }
}
