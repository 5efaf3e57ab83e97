package dev.casemail.messaging.contract;

import dev.casemail.messaging.api.ParticipantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * Random runs of the access lifecycle and of messaging among two practitioners and the parents of three
 * families, compared step by step with a model of the default access policy:
 *
 * <ul>
 *   <li>a send or reply succeeds exactly when every recipient is allowed, otherwise it is denied naming
 *       exactly the recipients not allowed, and nothing is sent;
 *   <li>every lifecycle step the model refuses is refused with the expected exception and changes
 *       nothing; every step it allows gives the model's status and history;
 *   <li>after every step each participant's access links, recipient chooser, action items and All
 *       Messages equal the model's: access to one parent never reaches the co-parent, and removing
 *       access never removes a message already exchanged.
 * </ul>
 */
public interface AccessProperties extends MessagingFixture {

  /**
   * The families of every run: two of two parents around one single parent. Fixed rather than drawn
   * at random, because an action chain built inside {@code flatMap} no longer shrinks.
   */
  List<Integer> FAMILY_SIZES = List.of(2, 1, 2);

  @Property
  default void accessAndMessagingFollowTheLifecycleAndTheDefaultPolicy(
      @ForAll("accessRuns") ActionChain<AccessScenario> chain) {
    chain.withInvariant("what every participant sees agrees with the model", AccessScenario::checkInvariants).run();
  }

  @Provide
  default Arbitrary<ActionChain<AccessScenario>> accessRuns() {
    return ActionChain.<AccessScenario>startWith(() -> new AccessScenario(newWorld(), FAMILY_SIZES))
        .withAction(3, new AnyLifecycleStep(FAMILY_SIZES))
        .withAction(4, new AllowedLifecycleStep())
        .withAction(3, new SendAttempt(FAMILY_SIZES))
        .withAction(1, new ReplyAttempt())
        .withAction(1, new ReachForTheCoParent())
        .withMaxTransformations(30);
  }

  /** Every id the scenario for {@code familySizes} registers, practitioners first. */
  private static List<ParticipantId> everyone(List<Integer> familySizes) {
    List<ParticipantId> all = new ArrayList<>(practitioners());
    all.addAll(parents(familySizes));
    return all;
  }

  private static List<ParticipantId> practitioners() {
    return List.of(ParticipantId.of("pr0"), ParticipantId.of("pr1"));
  }

  private static List<ParticipantId> parents(List<Integer> familySizes) {
    List<ParticipantId> parents = new ArrayList<>();
    for (int f = 0; f < familySizes.size(); f++) {
      for (int p = 0; p < familySizes.get(f); p++) {
        parents.add(ParticipantId.of("f" + f + "p" + p));
      }
    }
    return parents;
  }

  /** Any lifecycle step between any practitioner and any parent by either side, allowed or not. */
  final class AnyLifecycleStep implements Action.Independent<AccessScenario> {
    private final List<Integer> familySizes;

    AnyLifecycleStep(List<Integer> familySizes) {
      this.familySizes = familySizes;
    }

    @Override
    public Arbitrary<Transformer<AccessScenario>> transformer() {
      return Combinators.combine(
              Arbitraries.of(AccessStep.class),
              Arbitraries.of(practitioners()),
              Arbitraries.of(parents(familySizes)),
              Arbitraries.of(true, false))
          .as(AccessScenario.Step::new)
          .map(step -> Transformer.mutate(step.toString(), scenario -> scenario.take(step)));
    }
  }

  /**
   * A step the lifecycle allows now, so that runs reach every status: the {@code choice}-th of the
   * allowed steps, chosen when the step runs so that shrinking may drop earlier steps.
   */
  final class AllowedLifecycleStep implements Action.Independent<AccessScenario> {
    @Override
    public Arbitrary<Transformer<AccessScenario>> transformer() {
      return Arbitraries.integers().between(0, 999).map(choice -> Transformer.mutate(
          "allowed step #" + choice, (AccessScenario scenario) -> {
            List<AccessScenario.Step> allowed = scenario.allowedSteps();
            if (!allowed.isEmpty()) {
              scenario.take(allowed.get(choice % allowed.size()));
            }
          }));
    }
  }

  /** Anyone sends a new message to one to three others, allowed or not. */
  final class SendAttempt implements Action.Independent<AccessScenario> {
    private final List<Integer> familySizes;

    SendAttempt(List<Integer> familySizes) {
      this.familySizes = familySizes;
    }

    @Override
    public Arbitrary<Transformer<AccessScenario>> transformer() {
      List<ParticipantId> everyone = everyone(familySizes);
      Arbitrary<ParticipantId> sender = Arbitraries.of(everyone);
      Arbitrary<Set<ParticipantId>> recipients = Arbitraries.of(everyone).set().ofMinSize(1).ofMaxSize(3);
      return Combinators.combine(sender, recipients)
          .filter((from, to) -> !to.contains(from))
          .as((from, to) -> Transformer.mutate(
              from + " sends to " + to, (AccessScenario scenario) -> scenario.send(from, to)));
    }
  }

  /** The sender or a recipient of a message already exchanged (the {@code choice}-th) replies to it. */
  final class ReplyAttempt implements Action.Independent<AccessScenario> {
    @Override
    public Arbitrary<Transformer<AccessScenario>> transformer() {
      return Combinators.combine(Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 3))
          .as((message, side) -> Transformer.mutate("reply #" + message + "/" + side, (AccessScenario scenario) -> {
            if (scenario.delivered.isEmpty()) {
              return;
            }
            AccessScenario.Delivered original = scenario.delivered.get(message % scenario.delivered.size());
            List<ParticipantId> sides = new ArrayList<>(original.recipients());
            sides.sort(null);
            sides.add(original.sender());
            scenario.reply(original, sides.get(side % sides.size()));
          }));
    }
  }

  /**
   * A practitioner with access to one parent messages that parent and the co-parent they have no
   * access to, or the co-parent messages the practitioner: always denied, naming the co-parent (or
   * the practitioner).
   */
  final class ReachForTheCoParent implements Action.Independent<AccessScenario> {
    @Override
    public Arbitrary<Transformer<AccessScenario>> transformer() {
      return Combinators.combine(Arbitraries.integers().between(0, 999), Arbitraries.of(true, false))
          .as((choice, fromPractitioner) -> Transformer.mutate(
              "reach for a co-parent #" + choice + (fromPractitioner ? " from the practitioner" : " from the co-parent"),
              (AccessScenario scenario) -> {
                List<List<ParticipantId>> pairs = scenario.coParentsOutOfReach();
                if (pairs.isEmpty()) {
                  return;
                }
                List<ParticipantId> triple = pairs.get(choice % pairs.size());
                ParticipantId practitioner = triple.get(0);
                if (fromPractitioner) {
                  scenario.send(practitioner, Set.of(triple.get(1), triple.get(2)));
                } else {
                  scenario.send(triple.get(2), Set.of(practitioner));
                }
              }));
    }
  }
}
