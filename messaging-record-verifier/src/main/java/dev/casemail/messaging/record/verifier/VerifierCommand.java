package dev.casemail.messaging.record.verifier;

import dev.casemail.messaging.api.InvalidInputException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command a court's expert runs: {@code java -jar casemail-record-verifier.jar verify EXPORT --key
 * PUBLIC.pem [--previous EARLIER-EXPORT] [--json MANIFEST.json]}. It prints one line, {@code OK: …} or
 * {@code FAILED: …}, in UTF-8 on standard output, and exits with {@link #VERIFIED} (0), {@link #FAILED} (1)
 * or {@link #USAGE} (2). See {@code docs/record-verifier.md}.
 */
public final class VerifierCommand {

  /** Exit code: every check passed. */
  public static final int VERIFIED = Verdict.VERIFIED;
  /** Exit code: a check failed; the line names the first. */
  public static final int FAILED = Verdict.FAILED;
  /** Exit code: the command was used wrongly, a file could not be read, or the key is not an Ed25519 public key. */
  public static final int USAGE = 2;

  /** What {@code --help} prints. */
  public static final String USAGE_TEXT = String.join("\n",
      "Usage: java -jar casemail-record-verifier.jar verify EXPORT --key PUBLIC.pem [--previous EARLIER-EXPORT] [--json MANIFEST.json]",
      "       java -jar casemail-record-verifier.jar --help",
      "",
      "Verifies an export of a casemail record offline, with the host's public record key alone.",
      "",
      "  EXPORT                     the export's PDF (its manifest is the file manifest.json embedded in it),",
      "                             or its JSON manifest (then the PDF's text is not checked)",
      "  --key PUBLIC.pem           the host's Ed25519 public record key, as PEM (-----BEGIN PUBLIC KEY-----)",
      "  --previous EARLIER-EXPORT  an earlier export of the same record that you kept (PDF or JSON): this",
      "                             export must prove that the record then is the start of the record now",
      "  --json MANIFEST.json       the manifest that came with the PDF: it must be the one the PDF embeds",
      "",
      "Checks, in this order, stopping at the first that fails:",
      "  1. the manifest can be read (format casemail-record-manifest/1 or /2);",
      "  2. the head names the key, and its Ed25519 signature verifies with it;",
      "  3. every entry hashes to its leaf hash and its inclusion proof leads to the head's root; the entries",
      "     are in record order, the export's own entry last;",
      "  4. the head of every earlier export in the manifest is signed with the key, and its consistency proof",
      "     verifies;",
      "  5. with --previous: this export extends the head of that earlier export;",
      "  6. the RFC 3161 time-stamp token, if any, is over the head and signed by the certificate it carries;",
      "  7. the PDF's text says what the manifest says, entry by entry (and --json is the embedded manifest).",
      "",
      "Prints one line: \"OK: ...\" or \"FAILED: ...\", naming the first check or entry that fails.",
      "Exit codes: 0 every check passed; 1 a check failed; 2 wrong usage, a file that cannot be read, or a key",
      "that is not an Ed25519 public key.",
      "");

  private static final List<String> OPTIONS = List.of("--key", "--previous", "--json");

  private VerifierCommand() {}

  /** Runs the command and exits with its code. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command: the verdict's line on {@code out}; the usage, or what could not be read, on {@code err}.
   *
   * @return the exit code: {@link #VERIFIED}, {@link #FAILED} or {@link #USAGE}
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> arguments = List.of(args);
    if (arguments.isEmpty()) {
      return usage(err, "no command given");
    }
    if (arguments.contains("--help") || arguments.contains("-h") || arguments.get(0).equals("help")) {
      out.print(USAGE_TEXT);
      return VERIFIED;
    }
    if (!arguments.get(0).equals("verify")) {
      return usage(err, "unknown command \"" + arguments.get(0) + "\"");
    }
    Map<String, String> options = new LinkedHashMap<>();
    List<String> files = new ArrayList<>();
    for (int i = 1; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
      if (argument.startsWith("-") && argument.length() > 1) {
        if (!OPTIONS.contains(name)) {
          return usage(err, "unknown option \"" + name + "\"");
        }
        String value;
        if (argument.contains("=")) {
          value = argument.substring(argument.indexOf('=') + 1);
        } else if (i + 1 < arguments.size()) {
          value = arguments.get(++i);
        } else {
          return usage(err, name + " needs a file");
        }
        if (value.isEmpty()) {
          return usage(err, name + " needs a file");
        }
        if (options.put(name, value) != null) {
          return usage(err, name + " is given twice");
        }
      } else {
        files.add(argument);
      }
    }
    if (files.size() != 1) {
      return usage(err, files.isEmpty() ? "no EXPORT given" : "one EXPORT only, not " + files);
    }
    if (!options.containsKey("--key")) {
      return usage(err, "no --key given: the host's public record key, PEM");
    }
    try {
      Verdict verdict = RecordVerifier.verify(path(files.get(0)), path(options.get("--key")),
          Optional.ofNullable(options.get("--previous")).map(VerifierCommand::path),
          Optional.ofNullable(options.get("--json")).map(VerifierCommand::path));
      out.println(verdict.summary());
      return verdict.exitCode();
    } catch (NoSuchFileException e) {
      return unreadable(err, "no such file: " + e.getFile());
    } catch (IOException | InvalidPathException e) {
      return unreadable(err, "cannot read " + e.getMessage());
    } catch (InvalidInputException e) {
      return unreadable(err, "the key file " + options.get("--key") + " " + e.rule());
    }
  }

  private static Path path(String name) {
    return Path.of(name);
  }

  private static int usage(PrintStream err, String problem) {
    err.println("casemail-record-verifier: " + problem);
    err.print(USAGE_TEXT);
    return USAGE;
  }

  private static int unreadable(PrintStream err, String problem) {
    err.println("ERROR: " + problem);
    return USAGE;
  }
}
