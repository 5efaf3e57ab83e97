package dev.casemail.messaging.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a team that takes the library from a Maven repository relies on, read from the poms and the jars
 * the build made: every module is published or says it never is; the BOM lists exactly the published
 * ones; each jar names its module (Automatic-Module-Name, from the module's {@code module.name}, a
 * package of its own); and each published jar has its sources and Javadoc jars beside it.
 */
class PublishedArtifactsTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void theBomListsExactlyThePublishedModules() throws IOException {
    List<String> published = new ArrayList<>();
    for (Map.Entry<String, String> module : modules().entrySet()) {
      if (!module.getKey().equals("messaging-bom") && !module.getValue().contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
        published.add(module.getKey());
      }
    }
    String bom = Files.readString(ROOT.resolve("messaging-bom/pom.xml"));
    List<String> listed = new ArrayList<>();
    Matcher artifact = Pattern.compile("<artifactId>(messaging-[a-z-]+)</artifactId>").matcher(
        bom.substring(bom.indexOf("<dependencyManagement>")));
    while (artifact.find()) {
      listed.add(artifact.group(1));
    }
    assertThat(listed).as("the BOM's artifacts").containsExactlyInAnyOrderElementsOf(published);
    assertThat(published).contains("messaging-api", "messaging-core", "messaging-inmemory", "messaging-jdbc");
    assertThat(bom).as("the BOM imports no third-party versions").doesNotContain("<parent>");
  }

  @Test
  void theSampleTheBenchmarksAndTheBuildsOwnTestsAreNeverPublished() throws IOException {
    Map<String, String> modules = modules();
    for (String tool : List.of("examples", "examples/web-inbox", "benchmarks", "architecture-tests", "messaging-record-verifier")) {
      assertThat(modules.get(tool)).as(tool).contains("<maven.deploy.skip>true</maven.deploy.skip>");
    }
  }

  @Test
  void everyJarNamesItsModuleAndEveryPublishedJarHasItsSourcesAndJavadoc() throws IOException {
    for (Map.Entry<String, String> module : modules().entrySet()) {
      String name = module.getKey();
      if (name.equals("messaging-bom")) {
        continue;
      }
      Matcher declared = Pattern.compile("<module.name>([a-z.]+)</module.name>").matcher(module.getValue());
      assertThat(declared.find()).as("%s sets module.name", name).isTrue();
      String moduleName = declared.group(1);
      assertThat(moduleName).as("the module name of %s", name).startsWith("dev.casemail.messaging.");
      // a module's directory is named after its artifact: examples/web-inbox builds web-inbox-….jar
      String artifact = Path.of(name).getFileName().toString();
      Path jar = ROOT.resolve(name).resolve("target").resolve(artifact + "-0.1.0-SNAPSHOT.jar");
      if (name.equals("architecture-tests")) {
        continue; // this module's own jar is made after its tests
      }
      assertThat(jar).as("the jar of %s (mvn verify packages every module before this one)", name).exists();
      try (JarFile file = new JarFile(jar.toFile())) {
        assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
            .as("Automatic-Module-Name of %s", name).isEqualTo(moduleName);
      }
      if (!module.getValue().contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
        for (String classifier : List.of("sources", "javadoc")) {
          assertThat(jar.resolveSibling(artifact + "-0.1.0-SNAPSHOT-" + classifier + ".jar"))
              .as("the %s jar of %s", classifier, name).exists();
        }
      }
    }
  }

  /** Each module of the root pom (a path such as {@code examples/web-inbox} for a nested one), with its pom's text. */
  private static Map<String, String> modules() throws IOException {
    String root = Files.readString(ROOT.resolve("pom.xml"));
    Map<String, String> modules = new LinkedHashMap<>();
    Matcher module = Pattern.compile("<module>([a-z/-]+)</module>").matcher(root);
    while (module.find()) {
      modules.put(module.group(1), Files.readString(ROOT.resolve(module.group(1)).resolve("pom.xml")));
    }
    try (Stream<Path> dirs = Files.walk(ROOT, 2)) {
      assertThat(dirs.filter(dir -> Files.exists(dir.resolve("pom.xml")) && !dir.equals(ROOT))
          .map(dir -> ROOT.relativize(dir).toString().replace('\\', '/')))
          .as("every directory with a pom is a module of the build")
          .containsExactlyInAnyOrderElementsOf(modules.keySet());
    }
    return modules;
  }
}
