package dev.casemail.messaging.examples.web;

import dev.casemail.messaging.api.AccessLinkView;
import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.Directory;
import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FamilyRegistration;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.ParticipantRegistration;
import dev.casemail.messaging.examples.SamplePractice;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The practice the web inbox starts with, registered as a host registers its users: the samples'
 * mediator and Morgan family ({@link SamplePractice}), an attorney, and a second family, the Patels.
 * Dana (the mediator) has approved access to Alex Morgan and Jordan Patel, Chris (the attorney) to
 * Riley Patel; nobody has access to Sam Morgan yet, which My Cases is for. Jordan has written to Dana.
 *
 * <p>Seeded at every start and idempotent: registering again is a no-op, access is asked for only
 * where there is no link, and the first message carries an idempotency key, so a restart (or a start
 * after one that stopped half-way) changes nothing that is there.
 */
@Component
class DemoPractice implements ApplicationRunner {

  static final ParticipantId ATTORNEY = ParticipantId.of("chris.okafor");
  static final ParticipantId JORDAN = ParticipantId.of("jordan.patel");
  static final ParticipantId RILEY = ParticipantId.of("riley.patel");
  static final FamilyId PATELS = FamilyId.of("patel-family");

  /** Someone the demo sign-in offers. */
  public record Person(ParticipantId id, String name, String role) {
    /** The id as the sign-in form posts it. */
    public String value() {
      return id.value();
    }
  }

  /** Everyone the demo sign-in page offers, practitioners first. */
  static final List<Person> PEOPLE = List.of(
      new Person(SamplePractice.MEDIATOR, SamplePractice.MEDIATOR_NAME, "practitioner"),
      new Person(ATTORNEY, "Chris Okafor (attorney)", "practitioner"),
      new Person(SamplePractice.ALEX, SamplePractice.ALEX_NAME, "parent, Morgan family"),
      new Person(SamplePractice.SAM, SamplePractice.SAM_NAME, "parent, Morgan family"),
      new Person(JORDAN, "Jordan Patel", "parent, Patel family"),
      new Person(RILEY, "Riley Patel", "parent, Patel family"));

  private static final Logger LOG = LoggerFactory.getLogger(DemoPractice.class);

  private final Messaging messaging;

  DemoPractice(Messaging messaging) {
    this.messaging = messaging;
  }

  /** The person with this id, if the demo offers them. */
  static Optional<Person> person(String id) {
    return PEOPLE.stream().filter(person -> person.id().value().equals(id)).findFirst();
  }

  @Override
  public void run(ApplicationArguments args) {
    Directory directory = messaging.directory();
    SamplePractice.register(directory);
    directory.register(ParticipantRegistration.practitioner(ATTORNEY, "Chris Okafor (attorney)"));
    directory.register(ParticipantRegistration.parent(JORDAN, "Jordan Patel"));
    directory.register(ParticipantRegistration.parent(RILEY, "Riley Patel"));
    directory.registerFamily(FamilyRegistration.of(PATELS, "Patel family", new LinkedHashSet<>(List.of(JORDAN, RILEY))));

    grant(SamplePractice.MEDIATOR, SamplePractice.ALEX);
    grant(SamplePractice.MEDIATOR, JORDAN);
    grant(ATTORNEY, RILEY);
    messaging.actingAs(JORDAN).send(NewMessage.builder()
        .addRecipients(SamplePractice.MEDIATOR)
        .subject("Documents for Friday")
        .body("Hello Dana,\nI have the school reports and the holiday calendar. Shall I bring both on Friday?\nJordan")
        .idempotencyKey("web-inbox-seed-1")
        .build());
    LOG.info("Demo practice ready: {} people to sign in as", PEOPLE.size());
  }

  /** The practitioner asks and the parent approves, unless the two have a link already. */
  private void grant(ParticipantId practitioner, ParticipantId parent) {
    ParticipantMessaging asking = messaging.actingAs(practitioner);
    Optional<AccessLinkView> link = asking.accessLinks().stream()
        .filter(candidate -> candidate.parent().id().equals(parent))
        .findFirst();
    if (link.isEmpty()) {
      asking.requestAccess(parent);
      messaging.actingAs(parent).approveAccess(practitioner);
    } else if (link.get().status() == AccessStatus.REQUESTED && link.get().requestedBy().equals(practitioner)) {
      messaging.actingAs(parent).approveAccess(practitioner);
    }
  }
}
