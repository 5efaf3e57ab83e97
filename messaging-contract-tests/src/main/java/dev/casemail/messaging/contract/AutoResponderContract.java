package dev.casemail.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.NewNotification;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRegistration;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.SystemFolder;
import dev.casemail.messaging.api.config.AccessFacts;
import dev.casemail.messaging.api.config.AccessPolicy;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;
import org.junit.jupiter.api.Test;

/**
 * The auto-responder: its settings and their rules, and when it answers (once per sender per
 * interval, within its window, never an auto-reply, a system message, the owner, or anyone the owner
 * may not message).
 *
 * <p>Every scenario uses one cast: practitioner {@code pr} with approved access to both parents
 * {@code a} and {@code b} of one family, so everyone may message everyone.
 */
public interface AutoResponderContract extends MessagingFixture {

  ParticipantId PR = ParticipantId.of("pr");
  ParticipantId A = ParticipantId.of("a");
  ParticipantId B = ParticipantId.of("b");

  // ------------------------------------------------------------------------------ settings

  @Test
  default void aNewMailboxHasADisabledAutoResponderWithTheDefaultInterval() {
    World world = castOfThree();

    AutoResponderSettings settings = world.as(PR).autoResponder();

    assertThat(settings.enabled()).isFalse();
    assertThat(settings.subject()).isEmpty();
    assertThat(settings.body()).isEmpty();
    assertThat(settings.activeFrom()).isEmpty();
    assertThat(settings.activeUntil()).isEmpty();
    assertThat(settings.replyInterval()).isEqualTo(Duration.ofDays(7)).isEqualTo(AutoResponderSettings.DEFAULT_REPLY_INTERVAL);
    assertThat(settings).isEqualTo(AutoResponderSettings.disabled());
  }

  @Test
  default void savedSettingsReadBackAsSavedAndOnlyInTheirOwnMailbox() {
    World world = castOfThree();
    AutoResponderSettings wanted = AutoResponderSettings.builder()
        .enabled(true)
        .subject("  Out of office  ")
        .body("Back on Monday.\nUrgent matters: call the office.")
        .activeFrom(World.START.plus(Duration.ofDays(1)))
        .activeUntil(World.START.plus(Duration.ofDays(10)))
        .replyInterval(Duration.ofDays(3))
        .build();

    AutoResponderSettings saved = world.as(PR).configureAutoResponder(wanted);

    assertThat(saved.subject()).isEqualTo("Out of office");
    assertThat(saved).isEqualTo(wanted);
    assertThat(world.as(PR).autoResponder()).isEqualTo(saved);
    assertThat(world.as(A).autoResponder()).isEqualTo(AutoResponderSettings.disabled());
    assertThat(world.as(B).autoResponder()).isEqualTo(AutoResponderSettings.disabled());
  }

  @Test
  default void enablingRequiresASubjectAndARefusalKeepsTheSavedSettings() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(away("Away", "Back soon."));
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    for (String subject : List.of("", "   ", "\t")) {
      assertInvalid("subject", () -> world.as(PR).configureAutoResponder(
          AutoResponderSettings.builder().enabled(true).subject(subject).body("body").build()));
    }
    assertInvalid("subject", () -> world.as(PR).configureAutoResponder(
        AutoResponderSettings.builder().enabled(true).body("body without subject").build()));

    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);
    assertThat(world.as(PR).autoResponder()).isEqualTo(away("Away", "Back soon."));
  }

  @Test
  default void aDisabledAutoResponderMayLackASubject() {
    World world = castOfThree();

    AutoResponderSettings saved = world.as(PR).configureAutoResponder(
        AutoResponderSettings.builder().enabled(false).subject("   ").body("draft of my away text").build());

    assertThat(saved.subject()).isEmpty();
    assertThat(world.as(PR).autoResponder().body()).isEqualTo("draft of my away text");
    assertThat(world.as(PR).autoResponder().enabled()).isFalse();
  }

  @Test
  default void theSubjectIsOneLineOfAtMost200Characters() {
    World world = castOfThree();
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    for (String subject : List.of("x".repeat(InputRules.MAX_SUBJECT_LENGTH + 1), "Away\nfrom the office", "Away\u0000")) {
      assertInvalid("subject", () -> world.as(PR).configureAutoResponder(away(subject, "")));
    }
    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);

    String longest = "\uD83D\uDE00".repeat(InputRules.MAX_SUBJECT_LENGTH);
    assertThat(world.as(PR).configureAutoResponder(away(longest, "")).subject()).isEqualTo(longest);
  }

  @Test
  default void theBodyIsAtMost64KiBOfText() {
    World world = castOfThree();
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    assertInvalid("body", () -> world.as(PR).configureAutoResponder(away("Away", "x".repeat(InputRules.MAX_BODY_BYTES + 1))));
    assertInvalid("body", () -> world.as(PR).configureAutoResponder(away("Away", "é".repeat(InputRules.MAX_BODY_BYTES / 2 + 1))));
    assertInvalid("body", () -> world.as(PR).configureAutoResponder(away("Away", "bell\u0007")));
    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);

    String largest = "x".repeat(InputRules.MAX_BODY_BYTES);
    assertThat(world.as(PR).configureAutoResponder(away("Away", largest)).body()).isEqualTo(largest);
  }

  @Test
  default void theReplyIntervalIsFromOneDayTo365Days() {
    World world = castOfThree();
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    for (Duration interval : List.of(
        Duration.ZERO,
        Duration.ofDays(-7),
        Duration.ofDays(1).minusNanos(1),
        Duration.ofHours(23),
        Duration.ofDays(365).plusNanos(1),
        Duration.ofDays(366))) {
      assertInvalid("replyInterval", () -> world.as(PR).configureAutoResponder(
          AutoResponderSettings.builder().enabled(true).subject("Away").replyInterval(interval).build()));
    }
    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);

    for (Duration interval : List.of(Duration.ofDays(1), Duration.ofDays(365))) {
      AutoResponderSettings saved = world.as(PR).configureAutoResponder(
          AutoResponderSettings.builder().enabled(true).subject("Away").replyInterval(interval).build());
      assertThat(saved.replyInterval()).isEqualTo(interval);
      assertThat(world.as(PR).autoResponder().replyInterval()).isEqualTo(interval);
    }
  }

  @Test
  default void theActiveWindowMustEndAfterItStarts() {
    World world = castOfThree();
    Instant from = World.START.plus(Duration.ofDays(2));
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    for (Instant until : List.of(from, from.minusSeconds(1), from.minus(Duration.ofDays(30)))) {
      assertInvalid("activeUntil", () -> world.as(PR).configureAutoResponder(
          AutoResponderSettings.builder().enabled(true).subject("Away").activeFrom(from).activeUntil(until).build()));
    }
    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);

    assertThat(world.as(PR).configureAutoResponder(AutoResponderSettings.builder()
        .enabled(true).subject("Away").activeFrom(from).activeUntil(from.plusNanos(1000)).build()).activeUntil())
        .contains(from.plusNanos(1000));
    assertThat(world.as(PR).configureAutoResponder(AutoResponderSettings.builder()
        .enabled(true).subject("Away").activeUntil(World.START.minus(Duration.ofDays(1))).build()).activeFrom())
        .isEmpty();
  }

  @Test
  default void missingSettingsAreInvalidInputAndAnUnknownOwnerIsNotFound() {
    World world = castOfThree();
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    assertInvalid("settings", () -> world.as(PR).configureAutoResponder(null));
    assertThatThrownBy(() -> world.as(ParticipantId.of("nobody")).configureAutoResponder(away("Away", "")))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind()).isEqualTo("participant"));
    assertThatThrownBy(() -> world.as(ParticipantId.of("nobody")).autoResponder())
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind()).isEqualTo("participant"));
    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);
  }

  // ------------------------------------------------------------------------------ answering

  @Test
  default void anActiveAutoResponderAnswersAPersonalMessageInTheSameThread() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(away("Out of office", "Back on Monday."));

    MessageView question = world.send(A, "Custody schedule", "Can we talk?", PR);

    List<MessageSummary> aInbox = world.list(A, SystemFolder.INBOX);
    assertThat(aInbox).singleElement().satisfies(s -> {
      assertThat(s.kind()).isEqualTo(MessageKind.AUTO_REPLY);
      assertThat(s.direction()).isEqualTo(Direction.RECEIVED);
      assertThat(s.sender()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(PR));
      assertThat(s.recipients()).as("a received copy lists no recipients").isEmpty();
      assertThat(world.as(A).preview(s.id()).recipients()).extracting(p -> p.id()).containsExactly(A);
      assertThat(s.thread()).isEqualTo(question.thread());
      assertThat(s.unread()).isTrue();
    });
    MessageView autoReply = world.as(A).open(aInbox.get(0).id());
    assertThat(autoReply.subject()).isEqualTo("Out of office");
    assertThat(autoReply.body()).isEqualTo("Back on Monday.");
    assertThat(autoReply.inReplyTo()).contains(question.id());
    assertThat(autoReply.sentAt()).isEqualTo(question.sentAt());

    assertThat(ids(world.list(PR, SystemFolder.SENT))).containsExactly(autoReply.id());
    assertThat(world.list(PR, SystemFolder.SENT).get(0).kind()).isEqualTo(MessageKind.AUTO_REPLY);
    assertThat(world.folder(PR, SystemFolder.SENT).unread()).isZero();
    assertThat(ids(world.list(PR, SystemFolder.INBOX))).containsExactly(question.id());
    assertThat(ids(world.as(A).thread(question.thread(), PageRequest.first()).items()))
        .containsExactly(question.id(), autoReply.id());
    assertThat(ids(world.as(PR).thread(question.thread(), PageRequest.first()).items()))
        .containsExactly(question.id(), autoReply.id());
  }

  @Test
  default void anAutoReplyCountsInAllMessagesOfBothSides() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(away("Away", "Back soon."));

    MessageView question = world.send(A, "Question", "", PR);
    MessageSummary autoReply = world.list(A, SystemFolder.INBOX).get(0);

    assertThat(ids(world.list(A, SystemFolder.ALL_MESSAGES))).containsExactly(autoReply.id(), question.id());
    assertThat(ids(world.list(PR, SystemFolder.ALL_MESSAGES))).containsExactly(autoReply.id(), question.id());
    assertThat(world.folder(A, SystemFolder.ALL_MESSAGES).total()).isEqualTo(2);
    assertThat(world.folder(A, SystemFolder.ALL_MESSAGES).unread()).isEqualTo(1);
    assertThat(world.folder(PR, SystemFolder.ALL_MESSAGES).total()).isEqualTo(2);
    assertThat(world.folder(PR, SystemFolder.ALL_MESSAGES).unread()).isEqualTo(1);
  }

  @Test
  default void theOwnerSeesWhenTheSenderFirstOpenedTheAutoReply() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(away("Away", "Back soon."));
    world.send(A, "Question", "", PR);
    MessageSummary autoReply = world.list(PR, SystemFolder.SENT).get(0);
    assertThat(world.as(PR).preview(autoReply.id()).receipts()).singleElement()
        .satisfies(r -> assertThat(r.firstViewedAt()).isEmpty());

    world.clock.advance(Duration.ofHours(1));
    world.as(A).open(autoReply.id());

    assertThat(world.as(PR).preview(autoReply.id()).receipts()).singleElement().satisfies(r -> {
      assertThat(r.recipient().id()).isEqualTo(A);
      assertThat(r.firstViewedAt()).contains(world.clock.instant());
    });
  }

  @Test
  default void atMostOneAutoReplyPerSenderPerInterval() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(away("Away", "Back soon."));

    world.send(A, "1", "", PR);
    assertThat(autoRepliesTo(world, A)).isEqualTo(1);
    world.send(A, "2, same instant", "", PR);
    world.clock.advance(Duration.ofDays(1));
    world.send(A, "3, a day later", "", PR);
    world.clock.advance(Duration.ofDays(6).minusNanos(1000));
    world.send(A, "4, a microsecond before the week is over", "", PR);
    assertThat(autoRepliesTo(world, A)).isEqualTo(1);

    world.clock.advance(Duration.ofNanos(1000));
    world.send(A, "5, a week after the auto-reply", "", PR);
    assertThat(autoRepliesTo(world, A)).isEqualTo(2);
    assertThat(world.list(PR, SystemFolder.INBOX)).hasSize(5);
  }

  @Test
  default void theIntervalCountsFromTheLastAutoReplyNotFromTheLastMessage() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(away("Away", "Back soon."));

    List<Integer> answeredAfter = new ArrayList<>();
    for (int day : new int[] {0, 6, 7, 13, 14, 20, 21}) {
      world.clock.set(World.START.plus(Duration.ofDays(day)));
      world.send(A, "Day " + day, "", PR);
      answeredAfter.add(autoRepliesTo(world, A));
    }

    assertThat(answeredAfter).containsExactly(1, 1, 2, 2, 3, 3, 4);
  }

  @Test
  default void aShorterIntervalAnswersMoreOften() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(
        AutoResponderSettings.builder().enabled(true).subject("Away").replyInterval(Duration.ofDays(1)).build());

    world.send(A, "1", "", PR);
    world.clock.advance(Duration.ofHours(23));
    world.send(A, "2", "", PR);
    world.clock.advance(Duration.ofHours(1));
    world.send(A, "3", "", PR);

    assertThat(autoRepliesTo(world, A)).isEqualTo(2);
  }

  @Test
  default void eachSenderHasItsOwnInterval() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(away("Away", "Back soon."));

    world.send(A, "From a", "", PR);
    world.clock.advance(Duration.ofDays(2));
    world.send(B, "From b", "", PR);
    world.send(A, "From a again", "", PR);
    world.clock.advance(Duration.ofDays(5));
    world.send(A, "From a, a week later", "", PR);
    world.send(B, "From b, five days later", "", PR);

    assertThat(autoRepliesTo(world, A)).isEqualTo(2);
    assertThat(autoRepliesTo(world, B)).isEqualTo(1);
  }

  @Test
  default void savingNewSettingsStartsTheCountAfresh() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(away("Away", "Back soon."));
    world.send(A, "1", "", PR);
    world.clock.advance(Duration.ofHours(1));
    world.send(A, "2", "", PR);
    assertThat(autoRepliesTo(world, A)).isEqualTo(1);

    world.as(PR).configureAutoResponder(away("Still away", "Back next week."));
    world.send(A, "3", "", PR);
    world.send(A, "4", "", PR);

    List<MessageSummary> autoReplies = autoReplies(world, A);
    assertThat(autoReplies).hasSize(2);
    assertThat(autoReplies.get(0).subject()).isEqualTo("Still away");
    assertThat(world.as(A).preview(autoReplies.get(0).id()).body()).isEqualTo("Back next week.");
  }

  @Test
  default void savingTheSameSettingsAgainAlsoStartsAfresh() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(away("Away", "Back soon."));
    world.send(A, "1", "", PR);

    world.as(PR).configureAutoResponder(away("Away", "Back soon."));
    world.send(A, "2", "", PR);

    assertThat(autoRepliesTo(world, A)).isEqualTo(2);
  }

  @Test
  default void theAutoResponderAnswersOnlyWithinItsWindow() {
    World world = castOfThree();
    Instant from = World.START.plus(Duration.ofDays(1));
    Instant until = World.START.plus(Duration.ofDays(3));
    // a one-day interval, so only the window can keep the auto-responder from answering
    world.as(PR).configureAutoResponder(AutoResponderSettings.builder()
        .enabled(true).subject("Away").activeFrom(from).activeUntil(until).replyInterval(Duration.ofDays(1)).build());

    world.send(A, "Before the window", "", PR);
    world.clock.set(from.minusNanos(1000));
    world.send(A, "A microsecond before", "", PR);
    assertThat(autoRepliesTo(world, A)).isZero();

    world.clock.set(from);
    world.send(A, "As it opens", "", PR);
    assertThat(autoRepliesTo(world, A)).isEqualTo(1);

    world.clock.set(until.minusNanos(1000));
    world.send(B, "A microsecond before it closes", "", PR);
    assertThat(autoRepliesTo(world, B)).isEqualTo(1);

    world.clock.set(until);
    world.send(A, "As it closes", "", PR);
    world.clock.advance(Duration.ofDays(30));
    world.send(B, "Long after", "", PR);
    assertThat(autoRepliesTo(world, A)).isEqualTo(1);
    assertThat(autoRepliesTo(world, B)).isEqualTo(1);
  }

  @Test
  default void aWindowOpenOnOneSideBoundsOnlyThatSide() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(AutoResponderSettings.builder()
        .enabled(true).subject("Away").activeUntil(World.START.plus(Duration.ofDays(1))).build());
    world.as(B).configureAutoResponder(AutoResponderSettings.builder()
        .enabled(true).subject("Away").activeFrom(World.START.plus(Duration.ofDays(1))).build());

    world.send(A, "Now", "", PR, B);
    assertThat(autoRepliesFrom(world, A, PR)).isEqualTo(1);
    assertThat(autoRepliesFrom(world, A, B)).isZero();

    world.clock.advance(Duration.ofDays(400));
    world.send(A, "Much later", "", PR, B);
    assertThat(autoRepliesFrom(world, A, PR)).isEqualTo(1);
    assertThat(autoRepliesFrom(world, A, B)).isEqualTo(1);
  }

  @Test
  default void aDisabledAutoResponderAnswersNothing() {
    World world = castOfThree();
    world.send(A, "Never configured", "", PR);
    world.as(PR).configureAutoResponder(
        AutoResponderSettings.builder().enabled(false).subject("Away").body("Back soon.").build());
    world.send(A, "Configured but disabled", "", PR);
    assertThat(autoRepliesTo(world, A)).isZero();

    world.as(PR).configureAutoResponder(away("Away", "Back soon."));
    world.send(A, "Enabled", "", PR);
    world.as(PR).configureAutoResponder(
        AutoResponderSettings.builder().from(world.as(PR).autoResponder()).enabled(false).build());
    world.clock.advance(Duration.ofDays(30));
    world.send(A, "Disabled again", "", PR);

    assertThat(autoRepliesTo(world, A)).isEqualTo(1);
    assertThat(world.list(PR, SystemFolder.INBOX)).hasSize(4);
  }

  @Test
  default void anAutoReplyIsNeverAnsweredSoTwoAutoRespondersNeverPingPong() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(away("Practitioner away", ""));
    world.as(A).configureAutoResponder(away("Parent away", ""));

    MessageView question = world.send(A, "Question", "", PR);

    assertThat(kinds(world.list(A, SystemFolder.INBOX))).containsExactly(MessageKind.AUTO_REPLY);
    assertThat(ids(world.list(PR, SystemFolder.INBOX))).containsExactly(question.id());
    assertThat(totalAutoReplies(world)).isEqualTo(1);

    // a's own auto-responder answers pr's next personal message, and pr's never answers that auto-reply
    world.as(PR).reply(Reply.to(question.id(), "Answering anyway."));
    assertThat(totalAutoReplies(world)).isEqualTo(2);
    assertThat(kinds(world.list(PR, SystemFolder.INBOX))).containsExactly(MessageKind.AUTO_REPLY, MessageKind.PERSONAL);
    assertThat(world.as(PR).thread(question.thread(), PageRequest.first()).items()).hasSize(4);
  }

  @Test
  default void twoPractitionersOnHolidayWhoMayMessageEachOtherNeverPingPong() {
    MutableClock clock = new MutableClock(World.START);
    Messaging messaging = newMessaging(
        MessagingConfiguration.builder().clock(clock).accessPolicy(new SwitchablePolicy()).build());
    ParticipantId one = register(messaging, ParticipantRegistration.practitioner(ParticipantId.of("one"), "One"));
    ParticipantId two = register(messaging, ParticipantRegistration.practitioner(ParticipantId.of("two"), "Two"));
    messaging.actingAs(one).configureAutoResponder(away("One is away", ""));
    messaging.actingAs(two).configureAutoResponder(away("Two is away", ""));

    messaging.actingAs(one).send(NewMessage.builder().addRecipients(two).subject("Coverage").build());

    List<MessageSummary> oneInbox = messaging.actingAs(one).folder(SystemFolder.INBOX.id(), PageRequest.first()).items();
    List<MessageSummary> twoInbox = messaging.actingAs(two).folder(SystemFolder.INBOX.id(), PageRequest.first()).items();
    assertThat(kinds(oneInbox)).containsExactly(MessageKind.AUTO_REPLY);
    assertThat(kinds(twoInbox)).containsExactly(MessageKind.PERSONAL);
    assertThat(messaging.actingAs(one).folder(SystemFolder.SENT.id(), PageRequest.first()).items()).hasSize(1);
    assertThat(messaging.actingAs(two).folder(SystemFolder.SENT.id(), PageRequest.first()).items()).hasSize(1);
  }

  @Test
  default void systemMessagesAreNeverAnswered() {
    World world = newWorld();
    ParticipantId pr = world.practitioner("pr");
    ParticipantId a = world.parent("a");
    world.family("f", a);
    world.as(pr).configureAutoResponder(away("Away", ""));
    world.as(a).configureAutoResponder(away("Away", ""));

    world.as(pr).requestAccess(a);
    world.as(a).approveAccess(pr);
    world.messaging.postNotification(NewNotification.builder().recipient(pr).subject("Journal shared").build());

    assertThat(world.list(a, SystemFolder.ACTION_ITEMS)).hasSize(1);
    assertThat(world.list(pr, SystemFolder.ACTION_ITEMS)).hasSize(1);
    assertThat(world.list(pr, SystemFolder.NOTIFICATIONS)).hasSize(1);
    for (ParticipantId p : List.of(pr, a)) {
      assertThat(world.list(p, SystemFolder.SENT)).isEmpty();
      assertThat(world.list(p, SystemFolder.INBOX)).isEmpty();
      assertThat(world.list(p, SystemFolder.ALL_MESSAGES)).isEmpty();
    }
  }

  @Test
  default void theOwnersOwnMessagesAreNeverAnswered() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(away("Away", ""));

    MessageView sent = world.send(PR, "Before I leave", "", A, B);
    world.as(PR).reply(Reply.to(sent.id(), "One more thing."));

    assertThat(world.list(PR, SystemFolder.INBOX)).isEmpty();
    assertThat(kinds(world.list(PR, SystemFolder.SENT))).containsOnly(MessageKind.PERSONAL).hasSize(2);
    assertThat(kinds(world.list(A, SystemFolder.INBOX))).containsOnly(MessageKind.PERSONAL).hasSize(2);
  }

  @Test
  default void neverAnswersSomeoneTheOwnerMayNotMessage() {
    MutableClock clock = new MutableClock(World.START);
    SwitchablePolicy policy = new SwitchablePolicy();
    Messaging messaging = newMessaging(MessagingConfiguration.builder().clock(clock).accessPolicy(policy).build());
    ParticipantId owner = register(messaging, ParticipantRegistration.practitioner(ParticipantId.of("owner"), "Owner"));
    ParticipantId writer = register(messaging, ParticipantRegistration.parent(ParticipantId.of("writer"), "Writer"));
    messaging.actingAs(owner).configureAutoResponder(away("Away", ""));
    policy.deny(owner, writer);

    MessageView first = messaging.actingAs(writer).send(NewMessage.builder().addRecipients(owner).subject("Hello").build());

    assertThat(ids(messaging.actingAs(owner).folder(SystemFolder.INBOX.id(), PageRequest.first()).items()))
        .containsExactly(first.id());
    assertThat(messaging.actingAs(owner).folder(SystemFolder.SENT.id(), PageRequest.first()).items()).isEmpty();
    assertThat(messaging.actingAs(writer).folder(SystemFolder.INBOX.id(), PageRequest.first()).items()).isEmpty();

    // no auto-reply was sent, so none counts: once the owner may answer, the next message is answered
    policy.allow(owner, writer);
    messaging.actingAs(writer).send(NewMessage.builder().addRecipients(owner).subject("Hello again").build());
    assertThat(kinds(messaging.actingAs(writer).folder(SystemFolder.INBOX.id(), PageRequest.first()).items()))
        .containsExactly(MessageKind.AUTO_REPLY);
  }

  @Test
  default void afterAccessIsRemovedNothingReachesTheOwnerAndNothingIsAnswered() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(away("Away", ""));
    world.send(A, "While connected", "", PR);
    world.as(A).removeAccess(PR);
    world.clock.advance(Duration.ofDays(30));
    Map<ParticipantId, Object> before = world.snapshot(PR, A, B);

    assertThatThrownBy(() -> world.send(A, "After removal", "", PR))
        .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.participants()).containsExactly(PR));

    assertThat(world.snapshot(PR, A, B)).isEqualTo(before);
    assertThat(autoRepliesTo(world, A)).isEqualTo(1);
  }

  @Test
  default void aReplyAllToSeveralAutoRespondersIsAnsweredOnceByEach() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(away("Practitioner away", ""));
    world.as(B).configureAutoResponder(away("B away", ""));
    MessageView start = world.send(PR, "Hearing", "", A, B);
    assertThat(totalAutoReplies(world)).as("b answers pr").isEqualTo(1);

    world.as(A).replyAll(Reply.to(start.id(), "Fine by me."));

    List<MessageSummary> toA = autoReplies(world, A);
    assertThat(toA).hasSize(2);
    assertThat(toA).extracting(s -> s.sender().orElseThrow().id()).containsExactlyInAnyOrder(PR, B);
    assertThat(toA).allSatisfy(s -> {
      assertThat(world.as(A).preview(s.id()).recipients()).extracting(p -> p.id()).containsExactly(A);
      assertThat(s.thread()).isEqualTo(start.thread());
    });
    assertThat(autoRepliesFrom(world, PR, B)).as("b's auto-reply to a goes to a only").isEqualTo(1);

    world.as(A).replyAll(Reply.to(start.id(), "Still fine."));
    assertThat(autoReplies(world, A)).hasSize(2);
  }

  @Test
  default void onlyTheRecipientsWithAnActiveAutoResponderAnswer() {
    World world = castOfThree();
    world.as(B).configureAutoResponder(away("B away", ""));

    world.send(PR, "To both parents", "", A, B);

    assertThat(autoRepliesFrom(world, PR, B)).isEqualTo(1);
    assertThat(autoRepliesFrom(world, PR, A)).isZero();
    assertThat(world.list(A, SystemFolder.SENT)).isEmpty();
  }

  @Test
  default void aMessageSentFromADraftIsAnswered() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(away("Away", ""));
    var draft = world.as(A).saveDraft(DraftContent.builder().addRecipients(PR).subject("From a draft").build());

    MessageView sent = world.as(A).sendDraft(draft.id());

    assertThat(autoReplies(world, A)).singleElement().satisfies(s -> assertThat(s.thread()).isEqualTo(sent.thread()));
  }

  @Test
  default void aReplyIsAnsweredInItsThread() {
    World world = castOfThree();
    MessageView start = world.send(PR, "Hearing", "", A);
    world.as(PR).configureAutoResponder(away("Away", ""));

    MessageView reply = world.as(A).reply(Reply.to(start.id(), "Got it."));

    MessageSummary autoReply = autoReplies(world, A).get(0);
    assertThat(autoReply.thread()).isEqualTo(start.thread());
    assertThat(world.as(A).preview(autoReply.id()).inReplyTo()).contains(reply.id());
    assertThat(ids(world.as(A).thread(start.thread(), PageRequest.first()).items()))
        .containsExactly(start.id(), reply.id(), autoReply.id());
  }

  @Test
  default void retryingASendWithItsIdempotencyKeyAnswersNothingNew() {
    World world = castOfThree();
    world.as(PR).configureAutoResponder(away("Away", ""));
    NewMessage message = NewMessage.builder().addRecipients(PR).subject("Once").idempotencyKey("k-1").build();

    MessageView first = world.as(A).send(message);
    world.clock.advance(Duration.ofDays(8));
    MessageView retried = world.as(A).send(message);

    assertThat(retried.id()).isEqualTo(first.id());
    assertThat(autoRepliesTo(world, A)).isEqualTo(1);
    assertThat(world.list(PR, SystemFolder.INBOX)).hasSize(1);
  }

  // ------------------------------------------------------------------------------ property

  /**
   * Whatever participants send or reply, however the clock moves and whenever they change their
   * settings: each sent exactly the auto-replies the rule calls for (once per sender per interval,
   * afresh after new settings, never in answer to an auto-reply), each to the sender it answers.
   */
  @Property
  default void autoRepliesFollowTheOncePerIntervalRuleWhateverParticipantsDo(
      @ForAll("autoReplyChains") ActionChain<AutoReplyModel> chain) {
    chain.withInvariant("auto-replies agree with the model", AutoReplyModel::check).run();
  }

  @Provide
  default Arbitrary<ActionChain<AutoReplyModel>> autoReplyChains() {
    List<ParticipantId> people = List.of(PR, A, B);
    return ActionChain.<AutoReplyModel>startWith(() -> new AutoReplyModel(castOfThree(), people))
        .withAction(2, AutoReplyModel.configureAction(people))
        .withAction(4, AutoReplyModel.sendAction(people))
        .withAction(2, AutoReplyModel.replyAction(people))
        .withMaxTransformations(30);
  }

  // ------------------------------------------------------------------------------ helpers

  /** An enabled auto-responder without window, default interval. */
  private static AutoResponderSettings away(String subject, String body) {
    return AutoResponderSettings.builder().enabled(true).subject(subject).body(body).build();
  }

  /** {@code pr} with approved access to parents {@code a} and {@code b}, who share a family. */
  private World castOfThree() {
    World world = newWorld();
    world.practitioner(PR.value());
    world.parent(A.value());
    world.parent(B.value());
    world.family("f", A, B);
    world.grant(PR, A);
    world.grant(PR, B);
    return world;
  }

  private static ParticipantId register(Messaging messaging, ParticipantRegistration registration) {
    messaging.directory().register(registration);
    return registration.id();
  }

  /** The auto-replies in {@code recipient}'s mailbox, newest first. */
  private static List<MessageSummary> autoReplies(World world, ParticipantId recipient) {
    return world.list(recipient, SystemFolder.ALL_MESSAGES).stream()
        .filter(s -> s.kind() == MessageKind.AUTO_REPLY && s.direction() == Direction.RECEIVED)
        .collect(Collectors.toList());
  }

  private static int autoRepliesTo(World world, ParticipantId recipient) {
    return autoReplies(world, recipient).size();
  }

  private static int autoRepliesFrom(World world, ParticipantId recipient, ParticipantId owner) {
    return (int) autoReplies(world, recipient).stream()
        .filter(s -> s.sender().orElseThrow().id().equals(owner))
        .count();
  }

  /** Every auto-reply anybody of the cast sent. */
  private static int totalAutoReplies(World world) {
    int total = 0;
    for (ParticipantId p : List.of(PR, A, B)) {
      total += (int) world.list(p, SystemFolder.SENT).stream().filter(s -> s.kind() == MessageKind.AUTO_REPLY).count();
    }
    return total;
  }

  private static List<MessageKind> kinds(List<MessageSummary> summaries) {
    return summaries.stream().map(MessageSummary::kind).collect(Collectors.toList());
  }

  private static List<MessageId> ids(List<MessageSummary> summaries) {
    return summaries.stream().map(MessageSummary::id).collect(Collectors.toList());
  }

  private static void assertInvalid(String field, Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  /**
   * A host's policy for scenarios the default policy cannot set up: everyone may message everyone else
   * (so two practitioners may), except the one-way pairs a test denies.
   */
  final class SwitchablePolicy implements AccessPolicy {
    private final Set<List<ParticipantId>> denied = ConcurrentHashMap.newKeySet();
    private final Set<ParticipantId> seen = ConcurrentHashMap.newKeySet();

    /** From now on {@code sender} may not message {@code recipient} (the other way round stays allowed). */
    void deny(ParticipantId sender, ParticipantId recipient) {
      denied.add(List.of(sender, recipient));
    }

    void allow(ParticipantId sender, ParticipantId recipient) {
      denied.remove(List.of(sender, recipient));
    }

    @Override
    public boolean mayMessage(ParticipantView sender, ParticipantView recipient, AccessFacts facts) {
      seen.add(sender.id());
      seen.add(recipient.id());
      return !sender.id().equals(recipient.id()) && !denied.contains(List.of(sender.id(), recipient.id()));
    }

    @Override
    public Set<ParticipantId> recipientsOf(ParticipantView sender, AccessFacts facts) {
      return seen.stream()
          .filter(p -> !p.equals(sender.id()) && !denied.contains(List.of(sender.id(), p)))
          .collect(Collectors.toSet());
    }
  }
}
