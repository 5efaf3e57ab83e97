package dev.casemail.messaging.contract;

import static dev.casemail.messaging.contract.MillerScene.ANNA;
import static dev.casemail.messaging.contract.MillerScene.BEN;
import static dev.casemail.messaging.contract.MillerScene.CARL;
import static dev.casemail.messaging.contract.MillerScene.LEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.casemail.messaging.api.AccessDeniedException;
import dev.casemail.messaging.api.ConflictException;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.DraftPage;
import dev.casemail.messaging.api.DraftView;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.SystemFolder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;

/**
 * lee's Drafts as a state machine for {@link DraftContract}: lee saves, updates (with the current or a
 * stale version), deletes and sends drafts, some of them to carl whom lee may not message, and the
 * model says what each call must answer. The invariant: Drafts lists exactly the model's drafts, most
 * recently saved first, page after page, with a matching count; Sent holds exactly the sent drafts.
 */
final class DraftsMachine {

  private static final Comparator<DraftView> NEWEST_FIRST =
      Comparator.comparing(DraftView::updatedAt).thenComparing(DraftView::id).reversed();

  private final World world;
  private final Map<DraftId, DraftView> drafts = new LinkedHashMap<>();
  private final Map<DraftId, MessageId> sent = new LinkedHashMap<>();
  private final List<DraftId> everIssued = new ArrayList<>();

  private DraftsMachine(World world) {
    this.world = world;
  }

  /** Chains of at most 30 calls on a new world each. */
  static ActionChainArbitrary<DraftsMachine> chains(MessagingFixture fixture) {
    return ActionChain.startWith(() -> new DraftsMachine(MillerScene.create(fixture)))
        .withAction(4, new Save())
        .withAction(3, new Update())
        .withAction(1, new StaleUpdate())
        .withAction(1, new Delete())
        .withAction(3, new Send())
        .withMaxTransformations(30);
  }

  /** Everything lee can see of Drafts and Sent agrees with the model. */
  void check() {
    List<DraftView> expected = new ArrayList<>(drafts.values());
    expected.sort(NEWEST_FIRST);
    assertThat(allDraftPages()).containsExactlyElementsOf(expected);
    assertThat(world.folder(LEE, SystemFolder.DRAFTS).total()).isEqualTo(drafts.size());
    assertThat(world.folder(LEE, SystemFolder.DRAFTS).unread()).isZero();
    assertThat(world.list(LEE, SystemFolder.SENT)).extracting(MessageSummary::id)
        .containsExactlyInAnyOrderElementsOf(sent.values());
    assertThat(world.folder(LEE, SystemFolder.ALL_MESSAGES).total()).isEqualTo(sent.size());
  }

  private List<DraftView> allDraftPages() {
    List<DraftView> all = new ArrayList<>();
    PageRequest request = PageRequest.first(4);
    while (true) {
      DraftPage page = world.as(LEE).drafts(request);
      all.addAll(page.items());
      if (page.next().isEmpty()) {
        return all;
      }
      request = request.next(page.next().get());
    }
  }

  // ---------------------------------------------------------------- what each call must answer

  private void save(DraftContent content, int seconds) {
    world.clock.advance(Duration.ofSeconds(seconds));
    DraftView saved = world.as(LEE).saveDraft(content);
    assertThat(saved.version()).isEqualTo(1);
    assertThat(saved.createdAt()).isEqualTo(saved.updatedAt());
    assertContent(saved, content);
    drafts.put(saved.id(), saved);
    everIssued.add(saved.id());
  }

  private void update(DraftId id, DraftContent content, int seconds) {
    world.clock.advance(Duration.ofSeconds(seconds));
    DraftView current = drafts.get(id);
    if (current == null) {
      assertThrows(NotFoundException.class, () -> world.as(LEE).updateDraft(id, 1, content));
      return;
    }
    DraftView updated = world.as(LEE).updateDraft(id, current.version(), content);
    assertThat(updated.version()).isGreaterThan(current.version());
    assertThat(updated.createdAt()).isEqualTo(current.createdAt());
    assertThat(updated.updatedAt()).isAfterOrEqualTo(current.updatedAt());
    assertContent(updated, content);
    drafts.put(id, updated);
  }

  private void staleUpdate(DraftId id, DraftContent content) {
    DraftView current = drafts.get(id);
    if (current == null) {
      assertThrows(NotFoundException.class, () -> world.as(LEE).updateDraft(id, 1, content));
      return;
    }
    for (long stale : List.of(current.version() - 1, current.version() + 1)) {
      assertThrows(ConflictException.class, () -> world.as(LEE).updateDraft(id, stale, content));
    }
  }

  private void delete(DraftId id) {
    if (drafts.remove(id) == null) {
      assertThrows(NotFoundException.class, () -> world.as(LEE).deleteDraft(id));
      return;
    }
    world.as(LEE).deleteDraft(id);
  }

  private void send(DraftId id, int seconds) {
    world.clock.advance(Duration.ofSeconds(seconds));
    if (sent.containsKey(id)) {
      assertThat(world.as(LEE).sendDraft(id).id()).isEqualTo(sent.get(id));
      return;
    }
    DraftView draft = drafts.get(id);
    if (draft == null) {
      assertThrows(NotFoundException.class, () -> world.as(LEE).sendDraft(id));
      return;
    }
    if (draft.recipients().isEmpty()) {
      assertThat(assertThrows(InvalidInputException.class, () -> world.as(LEE).sendDraft(id)).field())
          .isEqualTo("recipients");
    } else if (draft.subject().isEmpty()) {
      assertThat(assertThrows(InvalidInputException.class, () -> world.as(LEE).sendDraft(id)).field())
          .isEqualTo("subject");
    } else if (draft.recipients().contains(CARL)) {
      assertThat(assertThrows(AccessDeniedException.class, () -> world.as(LEE).sendDraft(id)).participants())
          .containsExactly(CARL);
    } else {
      MessageView message = world.as(LEE).sendDraft(id);
      assertThat(message.recipients()).extracting(ParticipantView::id).containsExactlyElementsOf(draft.recipients());
      assertThat(Optional.of(message.subject())).isEqualTo(draft.subject());
      assertThat(message.body()).isEqualTo(draft.body());
      drafts.remove(id);
      sent.put(id, message.id());
    }
  }

  private static void assertContent(DraftView view, DraftContent content) {
    assertThat(view.recipients()).containsExactlyElementsOf(content.recipients());
    assertThat(view.subject()).isEqualTo(content.subject());
    assertThat(view.body()).isEqualTo(content.body());
  }

  // ---------------------------------------------------------------- actions

  private static Arbitrary<DraftContent> contents() {
    Arbitrary<List<ParticipantId>> recipients = Arbitraries.of(ANNA, BEN, CARL).list().uniqueElements().ofMaxSize(3);
    Arbitrary<Optional<String>> subjects =
        Arbitraries.of(Optional.empty(), Optional.of("Hearing"), Optional.of("  Pick-up "), Optional.of(" "));
    Arbitrary<String> bodies = Arbitraries.strings().alpha().withChars(" \n").ofMaxLength(12);
    return Combinators.combine(recipients, subjects, bodies)
        .as((to, subject, body) -> DraftContent.builder().recipients(to).subject(subject).body(body).build());
  }

  /** 0 to 2 seconds pass before a call, so drafts sometimes share a saved time. */
  private static Arbitrary<Integer> pauses() {
    return Arbitraries.integers().between(0, 2);
  }

  /** Any draft id lee ever got, sent and deleted ones included. */
  private static Arbitrary<DraftId> issued(DraftsMachine machine) {
    return Arbitraries.of(List.copyOf(machine.everIssued));
  }

  private static String describe(DraftContent content) {
    return "to " + content.recipients().stream().map(ParticipantId::value).collect(Collectors.joining(","))
        + " subject " + content.subject().orElse("-") + " body '" + content.body() + "'";
  }

  private static final class Save implements Action.Independent<DraftsMachine> {
    @Override
    public Arbitrary<Transformer<DraftsMachine>> transformer() {
      return Combinators.combine(contents(), pauses())
          .as((content, pause) -> Transformer.mutate("save " + describe(content), m -> m.save(content, pause)));
    }
  }

  private static final class Update implements Action.Dependent<DraftsMachine> {
    @Override
    public boolean precondition(DraftsMachine machine) {
      return !machine.everIssued.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<DraftsMachine>> transformer(DraftsMachine machine) {
      return Combinators.combine(issued(machine), contents(), pauses()).as((id, content, pause) ->
          Transformer.mutate("update " + id + " " + describe(content), m -> m.update(id, content, pause)));
    }
  }

  private static final class StaleUpdate implements Action.Dependent<DraftsMachine> {
    @Override
    public boolean precondition(DraftsMachine machine) {
      return !machine.everIssued.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<DraftsMachine>> transformer(DraftsMachine machine) {
      return Combinators.combine(issued(machine), contents())
          .as((id, content) -> Transformer.mutate("stale update " + id, m -> m.staleUpdate(id, content)));
    }
  }

  private static final class Delete implements Action.Dependent<DraftsMachine> {
    @Override
    public boolean precondition(DraftsMachine machine) {
      return !machine.everIssued.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<DraftsMachine>> transformer(DraftsMachine machine) {
      return issued(machine).map(id -> Transformer.mutate("delete " + id, m -> m.delete(id)));
    }
  }

  private static final class Send implements Action.Dependent<DraftsMachine> {
    @Override
    public boolean precondition(DraftsMachine machine) {
      return !machine.everIssued.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<DraftsMachine>> transformer(DraftsMachine machine) {
      return Combinators.combine(issued(machine), pauses())
          .as((id, pause) -> Transformer.mutate("send " + id, m -> m.send(id, pause)));
    }
  }
}
