package dev.casemail.messaging.contract;

import dev.casemail.messaging.api.ParticipantId;

/**
 * The cast the sending, reply and draft contracts share: practitioner lee with approved access to
 * anna and ben, the parents of family miller, and carl, a parent of family smith whom lee may not
 * message. Registering them costs a few calls, so every test can start from it.
 */
final class MillerScene {

  static final ParticipantId LEE = ParticipantId.of("lee");
  static final ParticipantId ANNA = ParticipantId.of("anna");
  static final ParticipantId BEN = ParticipantId.of("ben");
  static final ParticipantId CARL = ParticipantId.of("carl");

  private MillerScene() {}

  /** A new world holding the cast, with lee's access to anna and ben approved. */
  static World create(MessagingFixture fixture) {
    World world = fixture.newWorld();
    world.practitioner(LEE.value());
    world.parent(ANNA.value());
    world.parent(BEN.value());
    world.parent(CARL.value());
    world.family("miller", ANNA, BEN);
    world.family("smith", CARL);
    world.grant(LEE, ANNA);
    world.grant(LEE, BEN);
    return world;
  }
}
