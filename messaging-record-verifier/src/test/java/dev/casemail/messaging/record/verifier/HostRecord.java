package dev.casemail.messaging.record.verifier;

import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FamilyRegistration;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRegistration;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.TimestampAuthority;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import dev.casemail.messaging.core.record.RecordSigners;
import dev.casemail.messaging.inmemory.InMemoryMessaging;
import dev.casemail.messaging.record.export.RecordExports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A host on the in-memory adapter, its record key held by the test, and the record of Dana (a parent)
 * built the way a host builds it: an access request and approval with the mediator Lee, messages both
 * ways with Sam (the other parent) and Lee, first views, and exports of it written as a host writes
 * them ({@link RecordExports#write}).
 */
final class HostRecord {

  static final ParticipantId DANA = ParticipantId.of("dana");
  static final ParticipantId SAM = ParticipantId.of("sam");
  static final ParticipantId LEE = ParticipantId.of("lee");

  /** The body of Dana's first message, the one the tests rewrite. */
  static final String PICK_UP = "Hi Sam,\n\nI will collect the children at 5 pm on Friday, as agreed.\n\nDana";

  final KeyPair keys;
  final Messaging messaging;
  private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:30:00Z"));

  HostRecord(KeyPair keys, Optional<TimestampAuthority> timestamps) {
    this.keys = keys;
    MessagingConfiguration.Builder configuration = MessagingConfiguration.builder()
        .clock(clock)
        .recordSigner(RecordSigners.ed25519(keys))
        .timestampAuthority(timestamps);
    this.messaging = InMemoryMessaging.create(configuration.build());
    messaging.directory().register(ParticipantRegistration.parent(DANA, "Dana Whitfield"));
    messaging.directory().register(ParticipantRegistration.parent(SAM, "Sam Whitfield"));
    messaging.directory().register(ParticipantRegistration.practitioner(LEE, "Dr. Lee Okafor"));
    messaging.directory().registerFamily(FamilyRegistration.of(FamilyId.of("whitfield"), "Whitfield", Set.of(DANA, SAM)));
  }

  /** Dana's record up to her first export: access events, messages with Sam and Lee, first views. */
  static HostRecord danas(KeyPair keys, Optional<TimestampAuthority> timestamps, String pickUpBody) {
    HostRecord host = new HostRecord(keys, timestamps);
    host.as(LEE).requestAccess(DANA);
    host.tick();
    host.as(DANA).approveAccess(LEE);
    host.tick();
    MessageView pickUp = host.send(DANA, "Pick-up on Friday", pickUpBody, SAM, LEE);
    host.tick();
    host.as(SAM).open(pickUp.id());
    host.tick();
    MessageView answer = host.as(SAM).reply(Reply.to(pickUp.id(), "5 pm is fine. They will be ready."));
    host.tick();
    host.as(DANA).open(answer.id());
    host.tick();
    MessageView session = host.send(LEE, "Session on 12 March", "Dear both,\n\nour next session is on 12 March at 10:00.", DANA);
    host.tick();
    host.as(DANA).open(session.id());
    host.tick();
    return host;
  }

  static HostRecord danas(KeyPair keys) {
    return danas(keys, Optional.empty(), PICK_UP);
  }

  /** A new Ed25519 key pair, as a host would keep. */
  static KeyPair newKeys() {
    try {
      return KeyPairGenerator.getInstance(RecordSigners.ED25519).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the public key's PEM where a reader would keep it. */
  static Path publicKeyPem(KeyPair keys, Path file) {
    try {
      return Files.writeString(file, RecordSigners.publicKeyPem(keys.getPublic()), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  dev.casemail.messaging.api.ParticipantMessaging as(ParticipantId participant) {
    return messaging.actingAs(participant);
  }

  MessageView send(ParticipantId from, String subject, String body, ParticipantId... to) {
    return as(from).send(NewMessage.builder().recipients(List.of(to)).subject(subject).body(body).build());
  }

  void tick() {
    clock.advance(Duration.ofMinutes(7).plusNanos(123_000));
  }

  /** Dana's own export of her whole record. */
  RecordExport exportAll() {
    RecordExport export = as(DANA).exportRecord(RecordScope.all());
    tick();
    return export;
  }

  /** Writes an export as a host does: the PDF and the manifest beside it. */
  static RecordExports.Written write(RecordExport export, Path directory) {
    try {
      return RecordExports.write(export, directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A UTC clock that stands still until the test moves it. */
  static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
