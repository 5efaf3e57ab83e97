package dev.casemail.messaging.examples;

import dev.casemail.messaging.api.Directory;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FamilyRegistration;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRegistration;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The samples' practice, as a host registers its users: a mediator, and the Morgan family of two
 * parents. The console walkthrough and the web inbox both start from it. Registering is idempotent,
 * so every run and every start may call {@link #register(Directory)} again.
 */
public final class SamplePractice {

  /** Dana Reyes, the mediator. */
  public static final ParticipantId MEDIATOR = ParticipantId.of("dana.reyes");
  /** Alex Morgan, a parent. */
  public static final ParticipantId ALEX = ParticipantId.of("alex.morgan");
  /** Sam Morgan, Alex's co-parent. */
  public static final ParticipantId SAM = ParticipantId.of("sam.morgan");
  /** The Morgans' family (their case). */
  public static final FamilyId MORGANS = FamilyId.of("morgan-family");

  /** Dana's name as everyone sees it. */
  public static final String MEDIATOR_NAME = "Dana Reyes (mediator)";
  /** Alex's name. */
  public static final String ALEX_NAME = "Alex Morgan";
  /** Sam's name. */
  public static final String SAM_NAME = "Sam Morgan";
  /** The Morgans' family name, the label of their group in the recipient chooser. */
  public static final String MORGANS_NAME = "Morgan family";

  private SamplePractice() {}

  /** Registers the mediator, both parents and their family; a no-op when they are registered already. */
  public static void register(Directory directory) {
    directory.register(ParticipantRegistration.practitioner(MEDIATOR, MEDIATOR_NAME));
    directory.register(ParticipantRegistration.parent(ALEX, ALEX_NAME));
    directory.register(ParticipantRegistration.parent(SAM, SAM_NAME));
    directory.registerFamily(FamilyRegistration.of(MORGANS, MORGANS_NAME, new LinkedHashSet<>(List.of(ALEX, SAM))));
  }
}
