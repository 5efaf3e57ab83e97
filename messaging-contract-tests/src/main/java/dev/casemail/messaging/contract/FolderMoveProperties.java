package dev.casemail.messaging.contract;

import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random sequences of sending, replying (one or all), auto-replies, opening, moving (legal and not),
 * archiving, restoring and custom folder changes among a practitioner and both parents of a family,
 * checked after every step against a model of which copy sits where: each copy is in exactly one real
 * folder, nothing is lost or doubled, All Messages holds exactly the personal messages and auto-replies
 * and no move changes it, every count equals a recount, and a refused call changes nothing.
 */
public interface FolderMoveProperties extends MessagingFixture {

  @Property
  default void foldersAndMovesNeverLoseDoubleOrMiscountACopy(
      @ForAll("folderMoveChains") ActionChain<FolderMoveMachine> chain) {
    chain.withInvariant("every mailbox is what the model says", FolderMoveMachine::checkInvariants).run();
  }

  @Provide
  default Arbitrary<ActionChain<FolderMoveMachine>> folderMoveChains() {
    return ActionChain.<FolderMoveMachine>startWith(() -> new FolderMoveMachine(newWorld()))
        .withAction(5, step(Combinators.combine(participant(), choice()).as((from, to) ->
            mutate("send from " + from + " to " + to, m -> m.send(from, to)))))
        .withAction(2, step(Combinators.combine(participant(), choice()).as((owner, copy) ->
            mutate("reply " + owner + "/" + copy, m -> m.reply(owner, copy, false)))))
        .withAction(2, step(Combinators.combine(participant(), choice()).as((owner, copy) ->
            mutate("reply all " + owner + "/" + copy, m -> m.reply(owner, copy, true)))))
        .withAction(3, step(Combinators.combine(participant(), choice()).as((owner, copy) ->
            mutate("open " + owner + "/" + copy, m -> m.open(owner, copy)))))
        .withAction(6, step(Combinators.combine(
                participant(), choice().list().ofMinSize(1).ofMaxSize(3), choice(),
                Arbitraries.of(false, false, true), Arbitraries.of(false, false, false, false, true))
            .as((owner, copies, target, expectSource, foreign) ->
                mutate("move " + owner + "/" + copies + " to " + target + (expectSource ? " from source" : "")
                        + (foreign ? " with a foreign id" : ""),
                    m -> m.move(owner, copies, target, expectSource, foreign)))))
        .withAction(2, step(Combinators.combine(participant(), choice()).as((owner, copy) ->
            mutate("archive " + owner + "/" + copy, m -> m.archive(owner, copy)))))
        .withAction(2, step(Combinators.combine(participant(), choice()).as((owner, copy) ->
            mutate("restore " + owner + "/" + copy, m -> m.restore(owner, copy)))))
        .withAction(3, step(Combinators.combine(participant(), choice(), choice()).as((owner, copy, folder) ->
            mutate("file " + owner + "/" + copy + " in folder " + folder, m -> m.file(owner, copy, folder)))))
        .withAction(3, step(Combinators.combine(participant(), choice()).as((owner, name) ->
            mutate("create folder " + owner + "/" + name, m -> m.createFolder(owner, name)))))
        .withAction(1, step(Combinators.combine(participant(), choice(), choice()).as((owner, folder, name) ->
            mutate("rename folder " + owner + "/" + folder + " to " + name, m -> m.renameFolder(owner, folder, name)))))
        .withAction(1, step(Combinators.combine(participant(), choice()).as((owner, folder) ->
            mutate("delete folder " + owner + "/" + folder, m -> m.deleteFolder(owner, folder)))))
        .withAction(1, step(participant().map(owner ->
            mutate("notify " + owner, m -> m.notify(owner)))))
        .withAction(1, step(Combinators.combine(participant(), Arbitraries.of(true, true, false)).as((owner, on) ->
            mutate("auto-responder " + owner + (on ? " on" : " off"), m -> m.configureAutoResponder(owner, on)))))
        .withAction(1, step(Arbitraries.of(1, 8).map(days ->
            mutate(days + " days pass", m -> m.timePasses(days)))))
        .withMaxTransformations(30);
  }

  private static Arbitrary<Integer> participant() {
    return Arbitraries.integers().between(0, 2);
  }

  private static Arbitrary<Integer> choice() {
    return Arbitraries.integers().between(0, 999);
  }

  private static Action.Independent<FolderMoveMachine> step(Arbitrary<Transformer<FolderMoveMachine>> transformers) {
    return () -> transformers;
  }

  private static Transformer<FolderMoveMachine> mutate(String description, Consumer<FolderMoveMachine> step) {
    return Transformer.mutate(description, step);
  }
}
