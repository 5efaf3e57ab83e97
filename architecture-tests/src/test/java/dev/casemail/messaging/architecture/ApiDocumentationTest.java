package dev.casemail.messaging.architecture;

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
 * Every public type, constructor, method and constant of the API carries a Javadoc comment. (javac's
 * doclint confirms there is no missing comment, but also wants {@code @return} on every accessor, which
 * would only repeat the first sentence; so this test checks the comments themselves.)
 */
class ApiDocumentationTest {

  private static final Path API_SOURCES = Path.of("..", "messaging-api", "src", "main", "java");

  @Test
  void everyPublicDeclarationOfTheApiHasJavadoc() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(API_SOURCES)) {
      sources = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.getFileName().toString().equals("package-info.java"))
          .collect(Collectors.toList());
    }
    assertThat(sources).as("API sources under " + API_SOURCES.toAbsolutePath()).hasSizeGreaterThan(20);

    List<String> undocumented = new ArrayList<>();
    for (Path source : sources) {
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).trim();
        if (line.startsWith("public ") && !isDocumented(lines, i)) {
          undocumented.add(source.getFileName() + ":" + (i + 1) + "  " + line);
        }
      }
    }
    assertThat(undocumented).as("public declarations without Javadoc").isEmpty();
  }

  /** Whether the declaration at {@code index} overrides, or has a Javadoc comment above its annotations. */
  private static boolean isDocumented(List<String> lines, int index) {
    int i = index - 1;
    while (i >= 0 && (lines.get(i).trim().startsWith("@") || lines.get(i).trim().isEmpty())) {
      if (lines.get(i).trim().equals("@Override")) {
        return true; // inherits the overridden method's documentation
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
