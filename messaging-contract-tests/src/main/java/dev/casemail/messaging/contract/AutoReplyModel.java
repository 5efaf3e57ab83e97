package dev.casemail.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.Direction;
import dev.casemail.messaging.api.MessageKind;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.SystemFolder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.Transformer;

/**
 * The auto-responder's rule as a model: an owner whose auto-responder is enabled answers a personal
 * message from a sender if it never answered that sender under the current settings, or answered
 * at least one interval ago. A random chain of sends, replies, clock advances and new settings is
 * checked against it: every participant's Sent holds exactly the auto-replies the model expects, to
 * exactly the expected senders.
 */
final class AutoReplyModel {

  final World world;
  final List<ParticipantId> people;
  private final Map<ParticipantId, AutoResponderSettings> settings = new HashMap<>();
  private final Map<ParticipantId, Map<ParticipantId, Instant>> lastReply = new HashMap<>();
  private final Map<ParticipantId, Map<ParticipantId, Integer>> expected = new HashMap<>();

  /** {@code people} may all message each other; none has an auto-responder yet. */
  AutoReplyModel(World world, List<ParticipantId> people) {
    this.world = world;
    this.people = List.copyOf(people);
    for (ParticipantId p : people) {
      settings.put(p, AutoResponderSettings.disabled());
      lastReply.put(p, new HashMap<>());
      expected.put(p, new HashMap<>());
    }
  }

  void configure(ParticipantId owner, boolean enabled, int intervalDays) {
    AutoResponderSettings wanted = AutoResponderSettings.builder()
        .enabled(enabled).subject("Away").replyInterval(Duration.ofDays(intervalDays)).build();
    world.as(owner).configureAutoResponder(wanted);
    settings.put(owner, wanted);
    lastReply.get(owner).clear();
  }

  void send(ParticipantId from, Set<ParticipantId> to, Duration advance) {
    world.clock.advance(advance);
    world.send(from, "Hello", "", to.toArray(ParticipantId[]::new));
    arrived(from, to);
  }

  /** The participant replies to the newest message of their Inbox (an auto-reply included). */
  void replyToNewest(ParticipantId replier, Duration advance) {
    world.clock.advance(advance);
    List<MessageSummary> inbox = world.list(replier, SystemFolder.INBOX);
    if (inbox.isEmpty()) {
      return;
    }
    MessageSummary newest = inbox.get(0);
    world.as(replier).reply(Reply.to(newest.id(), "Noted."));
    arrived(replier, Set.of(newest.sender().orElseThrow().id()));
  }

  void check() {
    for (ParticipantId owner : people) {
      Map<ParticipantId, Long> sent = world.list(owner, SystemFolder.SENT).stream()
          .filter(s -> s.kind() == MessageKind.AUTO_REPLY)
          .peek(s -> assertThat(s.recipients()).hasSize(1))
          .collect(Collectors.groupingBy(s -> s.recipients().get(0).id(), Collectors.counting()));
      Map<ParticipantId, Long> want = expected.get(owner).entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue()));
      assertThat(sent).as("auto-replies sent by " + owner + ", by recipient").isEqualTo(want);
    }
    for (ParticipantId recipient : people) {
      long received = world.list(recipient, SystemFolder.ALL_MESSAGES).stream()
          .filter(s -> s.kind() == MessageKind.AUTO_REPLY && s.direction() == Direction.RECEIVED)
          .count();
      long want = people.stream().mapToLong(o -> expected.get(o).getOrDefault(recipient, 0)).sum();
      assertThat(received).as("auto-replies received by " + recipient).isEqualTo(want);
    }
  }

  private void arrived(ParticipantId from, Set<ParticipantId> to) {
    Instant now = world.clock.instant();
    for (ParticipantId owner : to) {
      AutoResponderSettings mine = settings.get(owner);
      Instant last = lastReply.get(owner).get(from);
      if (mine.isActiveAt(now) && (last == null || !now.isBefore(last.plus(mine.replyInterval())))) {
        lastReply.get(owner).put(from, now);
        expected.get(owner).merge(from, 1, Integer::sum);
      }
    }
  }

  // ------------------------------------------------------------------------------ actions

  static Action.Independent<AutoReplyModel> sendAction(List<ParticipantId> people) {
    return new Action.Independent<>() {
      @Override
      public Arbitrary<Transformer<AutoReplyModel>> transformer() {
        return Combinators.combine(Arbitraries.of(people), Arbitraries.of(people).set().ofMinSize(1), hours())
            .as((f, t, h) -> {
              Set<ParticipantId> to = t.stream().filter(r -> !r.equals(f)).collect(Collectors.toSet());
              Set<ParticipantId> chosen = to.isEmpty() ? Set.of(people.get((people.indexOf(f) + 1) % people.size())) : to;
              return Transformer.<AutoReplyModel>mutate(
                  f + " sends to " + chosen + " after " + h + "h", m -> m.send(f, chosen, Duration.ofHours(h)));
            });
      }
    };
  }

  static Action.Independent<AutoReplyModel> replyAction(List<ParticipantId> people) {
    return new Action.Independent<>() {
      @Override
      public Arbitrary<Transformer<AutoReplyModel>> transformer() {
        return Combinators.combine(Arbitraries.of(people), hours()).as((p, h) -> Transformer.<AutoReplyModel>mutate(
            p + " replies to their newest message after " + h + "h", m -> m.replyToNewest(p, Duration.ofHours(h))));
      }
    };
  }

  static Action.Independent<AutoReplyModel> configureAction(List<ParticipantId> people) {
    return new Action.Independent<>() {
      @Override
      public Arbitrary<Transformer<AutoReplyModel>> transformer() {
        Arbitrary<Boolean> enabled = Arbitraries.of(true, true, true, false);
        return Combinators.combine(Arbitraries.of(people), enabled, Arbitraries.integers().between(1, 3))
            .as((p, e, d) -> Transformer.<AutoReplyModel>mutate(
                p + (e ? " enables, interval " + d + "d" : " disables"), m -> m.configure(p, e, d)));
      }
    };
  }

  /** Clock advances that often fall short of, land on, or pass one-day intervals. */
  private static Arbitrary<Integer> hours() {
    return Arbitraries.of(0, 0, 1, 23, 24, 47, 48, 72);
  }
}
