package dev.casemail.messaging.benchmarks;

import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.ProvenEntry;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.core.record.RecordEncoding;
import dev.casemail.messaging.core.record.RecordSigners;
import dev.casemail.messaging.inmemory.InMemoryMessaging;
import dev.casemail.messaging.record.export.RecordManifest;
import dev.casemail.messaging.record.export.RecordPdf;
import dev.casemail.messaging.record.verifier.ExportFile;
import dev.casemail.messaging.record.verifier.RecordVerifier;
import dev.casemail.messaging.record.verifier.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W8: exporting and verifying the record of a mailbox of 10,000 messages, in memory. The lawyer's
 * mailbox is filled through the public API (see {@link #fill}): 10,000 messages sent to and received
 * from both parents, some of them replies, subjects and bodies of mixed sizes, and first views on both
 * sides, so that the lawyer's record holds the messages, the first views, the access events and, last,
 * each export's own entry. Measured, each in a fork of its own:
 *
 * <ul>
 *   <li>{@link #export}: {@code exportRecord(RecordScope.all())}, the library's export of the whole
 *       record. Each export appends its own entry (and hands on every earlier export's head), so the
 *       mailbox is filled anew before every iteration: an iteration's exports start from the same
 *       record and add at most a few dozen entries to it;
 *   <li>{@link #writePdf} and {@link #writeManifest}: {@code RecordPdf.write} (which writes the
 *       manifest and embeds it) and {@code RecordManifest.toBytes} of that export, to bytes in memory
 *       ({@code RecordExports.write} does the same and then writes the two files);
 *   <li>{@link #verifyPdf}: {@code RecordVerifier.verify} of the PDF, every check including that the
 *       PDF's text says what the manifest says, with the manifest beside it; {@link #verifyManifest}: of
 *       the manifest alone (every check but the PDF's text);
 *   <li>the baselines: {@link #sha256EntryBytes}, one SHA-256 over the concatenation of every entry's
 *       leaf input ({@code 0x00 ‖ RecordEncoding.encode(entry)}, the bytes the verifier hashes into
 *       leaves, in record order), and {@link #sha256Pdf}, one SHA-256 over the PDF file's bytes.
 * </ul>
 *
 * <p>W8's ratio is verify(manifest) over SHA-256(entry bytes). The export, the PDF and the manifest
 * the other benchmarks use are made once per fork, not measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 2, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class RecordExportInMemory {

  /** The iterations the annotations give, as the suite's report names them. */
  static final String ITERATIONS = "1 × 2 s warm-up, 2 × 2 s measured (writePdf 1 × 1 s, 2 × 1 s; verifyPdf one"
      + " operation, no warm-up)";
  /** The same with --smoke, which asks for one measured iteration. */
  static final String SMOKE_ITERATIONS = "1 × 2 s warm-up, 1 × 2 s measured (writePdf 1 × 1 s, 1 × 1 s; verifyPdf one"
      + " operation, no warm-up)";

  /** How many messages the lawyer's mailbox holds. */
  static final int MESSAGES = 10_000;

  /** The lawyer's mailbox, filled with {@link #MESSAGES} messages; the record's key. */
  static final class Filled {
    final ParticipantMessaging lawyer;
    final PublicKey key;

    Filled(ParticipantMessaging lawyer, PublicKey key) {
      this.lawyer = lawyer;
      this.key = key;
    }
  }

  /** For {@link #export}: the mailbox filled anew before every iteration. */
  @State(Scope.Thread)
  public static class Exporting {
    ParticipantMessaging lawyer;

    @Setup(Level.Iteration)
    public void fillAnew() {
      lawyer = null;
      System.gc();
      lawyer = fill().lawyer;
    }
  }

  /** For the writing benchmarks: one export of the whole record, made once. */
  @State(Scope.Benchmark)
  public static class Exported {
    RecordExport export;
    PublicKey key;

    @Setup(Level.Trial)
    public void export() {
      Filled filled = fill();
      export = filled.lawyer.exportRecord(RecordScope.all());
      key = filled.key;
    }
  }

  /** For {@link #verifyManifest} and {@link #sha256EntryBytes}: the export's manifest, and its entries' bytes. */
  @State(Scope.Benchmark)
  public static class Manifest {
    PublicKey key;
    ExportFile manifest;
    /** {@code 0x00 ‖ encode(entry)} of every entry, in record order, one after another. */
    byte[] entryBytes;

    @Setup(Level.Trial)
    public void write(Exported exported) {
      key = exported.key;
      byte[] manifestBytes = RecordManifest.toBytes(exported.export);
      manifest = ExportFile.of("record-lawyer-1-export-1.manifest.json", manifestBytes);
      entryBytes = leafInputs(exported.export);
      verified(RecordVerifier.verify(manifest, key, Optional.empty(), Optional.empty()));
      System.out.printf("%nW8: %,d entries; manifest %,d bytes; entry bytes %,d%n", exported.export.entries().size(),
          manifestBytes.length, entryBytes.length);
    }
  }

  /**
   * For {@link #verifyPdf} and {@link #sha256Pdf}: the export's PDF and manifest. Verifying the PDF takes
   * minutes (see BENCHMARKS.md), so it is not verified here: {@link #verifyPdf} checks its verdict.
   */
  @State(Scope.Benchmark)
  public static class Pdf {
    PublicKey key;
    ExportFile pdf;
    ExportFile manifest;
    byte[] pdfBytes;

    @Setup(Level.Trial)
    public void write(Exported exported) throws IOException {
      key = exported.key;
      pdfBytes = pdf(exported.export);
      pdf = ExportFile.of("record-lawyer-1-export-1.pdf", pdfBytes);
      manifest = ExportFile.of("record-lawyer-1-export-1.manifest.json", RecordManifest.toBytes(exported.export));
      System.out.printf("%nW8: %,d entries; PDF %,d bytes%n", exported.export.entries().size(), pdfBytes.length);
    }
  }

  @Benchmark
  public RecordExport export(Exporting exporting) {
    return exporting.lawyer.exportRecord(RecordScope.all());
  }

  /** About 10 s an operation: one warm-up and two measured operations. */
  @Benchmark
  @Warmup(iterations = 1, time = 1)
  @Measurement(iterations = 2, time = 1)
  public byte[] writePdf(Exported exported) throws IOException {
    return pdf(exported.export);
  }

  @Benchmark
  public byte[] writeManifest(Exported exported) {
    return RecordManifest.toBytes(exported.export);
  }

  /** Minutes an operation (9,000 pages of text extracted and compared): one cold operation, measured. */
  @Benchmark
  @Warmup(iterations = 0)
  @Measurement(iterations = 1, time = 1)
  public Verdict verifyPdf(Pdf pdf) {
    return verified(RecordVerifier.verify(pdf.pdf, pdf.key, Optional.empty(), Optional.of(pdf.manifest)));
  }

  @Benchmark
  public Verdict verifyManifest(Manifest manifest) {
    return verified(RecordVerifier.verify(manifest.manifest, manifest.key, Optional.empty(), Optional.empty()));
  }

  @Benchmark
  public byte[] sha256EntryBytes(Manifest manifest) {
    return sha256().digest(manifest.entryBytes);
  }

  @Benchmark
  public byte[] sha256Pdf(Pdf pdf) {
    return sha256().digest(pdf.pdfBytes);
  }

  private static Verdict verified(Verdict verdict) {
    if (!verdict.verified()) {
      throw new IllegalStateException(verdict.summary());
    }
    return verdict;
  }

  static byte[] pdf(RecordExport export) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 << 20);
    RecordPdf.write(export, out);
    return out.toByteArray();
  }

  /** What the verifier hashes into leaves: {@code 0x00 ‖ encode(entry)} of every entry of the export, in order. */
  static byte[] leafInputs(RecordExport export) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 << 20);
    for (ProvenEntry proven : export.entries()) {
      bytes.write(0x00);
      bytes.writeBytes(RecordEncoding.encode(proven.entry()));
    }
    return bytes.toByteArray();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A new library whose lawyer's mailbox holds {@link #MESSAGES} messages, the same in every fork (a
   * seeded generator chooses): about half sent by the lawyer (a third of those to both parents), half
   * received from either parent (a third of those replies to the lawyer's latest message to them); subjects of
   * 10 to 120 characters; bodies of 80–400 bytes (half of them), 0.4–2 KiB (a third), 2–8 KiB (one in
   * seven) and 8–32 KiB (one in thirty); the lawyer opens about 70 % of what it receives and each
   * parent about 80 % of what the lawyer sends them.
   */
  static Filled fill() {
    KeyPair keys = keys();
    RecordSigner signer = RecordSigners.ed25519(keys);
    Messaging messaging = InMemoryMessaging.create(MessagingConfiguration.builder().recordSigner(signer).build());
    Practice.register(messaging);
    ParticipantMessaging lawyer = messaging.actingAs(Practice.LAWYER);
    ParticipantMessaging mother = messaging.actingAs(Practice.MOTHER);
    ParticipantMessaging father = messaging.actingAs(Practice.FATHER);
    SplittableRandom random = new SplittableRandom(8);
    MessageId lastToMother = null;
    MessageId lastToFather = null;
    for (int i = 0; i < MESSAGES; i++) {
      String subject = subject(random, i);
      String body = body(random);
      if (random.nextBoolean() || lastToMother == null || lastToFather == null) {
        int to = random.nextInt(3);
        NewMessage.Builder message = NewMessage.builder().subject(subject).body(body);
        if (to != 1) {
          message.addRecipients(Practice.MOTHER);
        }
        if (to != 0) {
          message.addRecipients(Practice.FATHER);
        }
        MessageView sent = lawyer.send(message.build());
        if (to != 1) {
          lastToMother = sent.id();
          if (random.nextInt(10) < 8) {
            mother.open(sent.id());
          }
        }
        if (to != 0) {
          lastToFather = sent.id();
          if (random.nextInt(10) < 8) {
            father.open(sent.id());
          }
        }
      } else {
        boolean fromMother = random.nextBoolean();
        ParticipantMessaging parent = fromMother ? mother : father;
        MessageView received;
        if (random.nextInt(3) == 0) {
          received = parent.reply(Reply.to(fromMother ? lastToMother : lastToFather, body));
        } else {
          received = parent.send(NewMessage.builder().addRecipients(Practice.LAWYER).subject(subject).body(body).build());
        }
        if (random.nextInt(10) < 7) {
          lawyer.open(received.id());
        }
      }
    }
    return new Filled(lawyer, keys.getPublic());
  }

  private static String subject(SplittableRandom random, int i) {
    String subject = "Message " + i + ": " + Practice.text(random.nextInt(10, 121)).replace('\n', ' ');
    return subject.substring(0, Math.min(subject.length(), 120)).strip();
  }

  private static String body(SplittableRandom random) {
    int kind = random.nextInt(210);
    int length;
    if (kind < 105) {
      length = random.nextInt(80, 401);
    } else if (kind < 175) {
      length = random.nextInt(400, 2049);
    } else if (kind < 205) {
      length = random.nextInt(2048, 8193);
    } else {
      length = random.nextInt(8192, 32769);
    }
    return Practice.text(length);
  }

  private static KeyPair keys() {
    try {
      return KeyPairGenerator.getInstance(RecordSigners.ED25519).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
