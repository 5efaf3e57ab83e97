package dev.casemail.messaging.record.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.record.export.RecordExports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command's arguments: every wrong use, a file that cannot be read and a key that is not a PEM
 * Ed25519 public key exit with 2 and say why on standard error, printing no verdict; {@code --help} prints
 * the usage and exits with 0.
 */
class VerifierCommandTest {

  @TempDir
  static Path directory;

  static Path pdf;
  static Path manifest;
  static Path key;

  @BeforeAll
  static void anExport() {
    KeyPair keys = HostRecord.newKeys();
    RecordExports.Written files = HostRecord.write(HostRecord.danas(keys).exportAll(), directory);
    pdf = files.pdf();
    manifest = files.manifest();
    key = HostRecord.publicKeyPem(keys, directory.resolve("key.pem"));
  }

  static Stream<Arguments> wrongUses() {
    return Stream.of(
        Arguments.of("no arguments", new String[] {}, "no command given"),
        Arguments.of("an unknown command", new String[] {"check", pdf.toString(), "--key", key.toString()},
            "unknown command \"check\""),
        Arguments.of("an unknown option", new String[] {"verify", pdf.toString(), "--key", key.toString(), "--strict"},
            "unknown option \"--strict\""),
        Arguments.of("no --key", new String[] {"verify", pdf.toString()}, "no --key given"),
        Arguments.of("--key without its file", new String[] {"verify", pdf.toString(), "--key"}, "--key needs a file"),
        Arguments.of("--key= with nothing", new String[] {"verify", pdf.toString(), "--key="}, "--key needs a file"),
        Arguments.of("--key twice", new String[] {"verify", pdf.toString(), "--key", key.toString(), "--key", key.toString()},
            "--key is given twice"),
        Arguments.of("no export", new String[] {"verify", "--key", key.toString()}, "no EXPORT given"),
        Arguments.of("two exports", new String[] {"verify", pdf.toString(), manifest.toString(), "--key", key.toString()},
            "one EXPORT only"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongUses")
  void aWrongUseExitsWithTwoAndSaysWhyWithTheUsage(String what, String[] args, String says) {
    RecordVerifierTest.Run run = RecordVerifierTest.Run.command(args);

    assertThat(run.code).isEqualTo(VerifierCommand.USAGE).isEqualTo(2);
    assertThat(run.err).startsWith("casemail-record-verifier: " + says).contains("Usage: java -jar casemail-record-verifier.jar verify");
    assertThat(run.out).as("no verdict").isEmpty();
  }

  static Stream<Arguments> unreadableFiles() throws IOException {
    Path missing = directory.resolve("missing.pdf");
    Path notPem = Files.writeString(directory.resolve("not-a-key.pem"), "hello", StandardCharsets.US_ASCII);
    Path rsa = Files.writeString(directory.resolve("rsa.pem"), pem("PUBLIC KEY", keys("RSA").getPublic().getEncoded()));
    Path privateKey = Files.writeString(directory.resolve("private.pem"),
        pem("PRIVATE KEY", keys("Ed25519").getPrivate().getEncoded()));
    Path badBase64 = Files.writeString(directory.resolve("bad.pem"), "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n");
    return Stream.of(
        Arguments.of("a missing export", new String[] {"verify", missing.toString(), "--key", key.toString()},
            "ERROR: no such file: " + missing),
        Arguments.of("a missing key", new String[] {"verify", pdf.toString(), "--key", missing.toString()},
            "ERROR: no such file: " + missing),
        Arguments.of("a missing earlier export", new String[] {"verify", pdf.toString(), "--key", key.toString(),
            "--previous", missing.toString()}, "ERROR: no such file: " + missing),
        Arguments.of("a missing manifest", new String[] {"verify", pdf.toString(), "--key", key.toString(),
            "--json", missing.toString()}, "ERROR: no such file: " + missing),
        Arguments.of("a directory as the export", new String[] {"verify", directory.toString(), "--key", key.toString()},
            "ERROR: cannot read " + directory + ": "),
        Arguments.of("a key file that is not PEM", new String[] {"verify", pdf.toString(), "--key", notPem.toString()},
            "ERROR: the key file " + notPem + " "),
        Arguments.of("an RSA public key", new String[] {"verify", pdf.toString(), "--key", rsa.toString()},
            "ERROR: the key file " + rsa + " is not an Ed25519 public key"),
        Arguments.of("the private key", new String[] {"verify", pdf.toString(), "--key", privateKey.toString()},
            "ERROR: the key file " + privateKey + " "),
        Arguments.of("a PEM that is not base64", new String[] {"verify", pdf.toString(), "--key", badBase64.toString()},
            "ERROR: the key file " + badBase64 + " "),
        Arguments.of("the export given as the key", new String[] {"verify", pdf.toString(), "--key", pdf.toString()},
            "ERROR: the key file " + pdf + " is not an Ed25519 public key as PEM (-----BEGIN PUBLIC KEY-----): it is not text"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableFiles")
  void aFileThatCannotBeReadOrAKeyThatIsNotOneExitsWithTwo(String what, String[] args, String says) {
    RecordVerifierTest.Run run = RecordVerifierTest.Run.command(args);

    assertThat(run.code).as(run.err).isEqualTo(VerifierCommand.USAGE);
    assertThat(run.err).startsWith(says).doesNotContain("\tat ");
    assertThat(run.err.lines()).hasSize(1);
    assertThat(run.out).as("no verdict").isEmpty();
  }

  @Test
  void helpPrintsTheUsageAndExitsWithZero() {
    for (String[] args : new String[][] {{"--help"}, {"-h"}, {"help"}, {"verify", "--help"}}) {
      RecordVerifierTest.Run run = RecordVerifierTest.Run.command(args);

      assertThat(run.code).isEqualTo(VerifierCommand.VERIFIED);
      assertThat(run.out).isEqualTo(VerifierCommand.USAGE_TEXT).contains("Exit codes: 0 every check passed; 1 a check failed; 2");
      assertThat(run.err).isEmpty();
    }
  }

  @Test
  void optionsComeInAnyOrderAndWithAnEqualsSign() {
    RecordVerifierTest.Run run = RecordVerifierTest.Run.command("verify", "--json=" + manifest, "--key", key.toString(),
        "--previous", pdf.toString(), pdf.toString());

    assertThat(run.code).as(run.out + run.err).isEqualTo(VerifierCommand.VERIFIED);
    assertThat(run.out).startsWith("OK: export 1 of the record of dana");
  }

  @Test
  void aFailedVerificationExitsWithOneAndPrintsOneFailedLine() {
    KeyPair other = keys("Ed25519");
    Path otherKey = HostRecord.publicKeyPem(other, directory.resolve("other.pem"));

    RecordVerifierTest.Run run = RecordVerifierTest.Run.command("verify", pdf.toString(), "--key", otherKey.toString());

    assertThat(run.code).isEqualTo(VerifierCommand.FAILED).isEqualTo(1);
    assertThat(run.out.lines()).singleElement().asString().startsWith("FAILED: the head is signed by another key");
    assertThat(run.err).isEmpty();
  }

  private static KeyPair keys(String algorithm) {
    try {
      return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + label + "-----\n";
  }
}
