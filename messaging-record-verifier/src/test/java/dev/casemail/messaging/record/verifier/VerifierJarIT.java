package dev.casemail.messaging.record.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.record.export.RecordExports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar that {@code package} built, run as a court's expert runs it: {@code java -jar
 * casemail-record-verifier.jar verify …} in a process of its own, with nothing on its class path but the
 * jar. A genuine export exits with 0 and one {@code OK:} line, a tampered one with 1 and one {@code FAILED:}
 * line, a wrong use with 2: the jar holds everything the verifier needs.
 */
class VerifierJarIT {

  @TempDir
  static Path directory;

  static Path jar;
  static RecordExports.Written files;
  static Path key;

  @BeforeAll
  static void anExportAndTheJar() {
    jar = Path.of(System.getProperty("verifier.jar", "target/casemail-record-verifier.jar"));
    assertThat(jar).as("the jar package built (system property verifier.jar)").isRegularFile();
    KeyPair keys = HostRecord.newKeys();
    HostRecord host = HostRecord.danas(keys);
    host.exportAll();
    host.send(HostRecord.DANA, "Friday", "See you on Friday.", HostRecord.SAM);
    files = HostRecord.write(host.exportAll(), directory);
    key = HostRecord.publicKeyPem(keys, directory.resolve("host-record-key.pem"));
  }

  record Result(int code, String out, String err) {}

  static Result java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Path out = directory.resolve("out.txt");
    Path err = directory.resolve("err.txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the jar ends within a minute").isTrue();
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void aGenuineExportExitsWithZeroAndOneOkLine() throws Exception {
    Result result = java("verify", files.pdf().toString(), "--key", key.toString(), "--json", files.manifest().toString());

    assertThat(result.code()).as(result.out() + result.err()).isZero();
    assertThat(result.out().lines()).singleElement().asString()
        .startsWith("OK: export 2 of the record of dana (Dana Whitfield): ")
        .contains("consistent with 1 earlier export")
        .contains("PDF text matches");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void aTamperedExportExitsWithOneAndOneFailedLine() throws Exception {
    Path tampered = Files.write(directory.resolve("tampered.pdf"),
        Tamper.pdfText(Files.readAllBytes(files.pdf()), "5 pm on Friday"));

    Result result = java("verify", tampered.toString(), "--key", key.toString());

    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(1);
    assertThat(result.out().lines()).singleElement().asString().startsWith("FAILED: entry ").contains("in its Body line");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void aTamperedManifestExitsWithOne() throws Exception {
    Path tampered = Files.writeString(directory.resolve("tampered.manifest.json"),
        Files.readString(files.manifest(), StandardCharsets.UTF_8).replace("at 5 pm on Friday", "at 6 pm on Friday"));

    Result result = java("verify", tampered.toString(), "--key", key.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out().lines()).singleElement().asString().startsWith("FAILED: ").contains("is not the hash of its content");
  }

  @Test
  void aHostileFileExitsWithOneNotAStackTrace() throws Exception {
    byte[] random = new byte[2048];
    new java.util.Random(7).nextBytes(random);
    Path hostile = Files.write(directory.resolve("random.bin"), random);

    Result result = java("verify", hostile.toString(), "--key", key.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out().lines()).singleElement().asString().startsWith("FAILED: the export " + hostile + ": ");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void aWrongUseExitsWithTwo() throws Exception {
    Result noKey = java("verify", files.pdf().toString());
    Result help = java("--help");

    assertThat(noKey.code()).isEqualTo(2);
    assertThat(noKey.out()).isEmpty();
    assertThat(noKey.err()).startsWith("casemail-record-verifier: no --key given");
    assertThat(help.code()).isZero();
    assertThat(help.out()).startsWith("Usage: java -jar casemail-record-verifier.jar verify EXPORT --key PUBLIC.pem");
  }

  @Test
  void theJarIsSelfContainedAndSmall() throws IOException {
    long size = Files.size(jar);

    // the verifier, PDFBox, Jackson, Bouncy Castle and the core's record code; no storage, no ICU, no Tika
    assertThat(size).as("%s bytes", size).isLessThan(20_000_000L);
  }
}
