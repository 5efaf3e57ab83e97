package dev.casemail.messaging.api;

/**
 * The host's register of participants and families. The host owns identities: it registers each of
 * its users once, with the id it already uses, before they message or are messaged.
 */
public interface Directory {

  /**
   * Registers a participant and creates their mailbox. Registering the same participant again with
   * the same role and name changes nothing and returns them.
   *
   * @throws ConflictException if the id is registered with another role or name
   * @throws InvalidInputException if {@code registration} is null
   */
  ParticipantView register(ParticipantRegistration registration);

  /**
   * Registers a family with its parents. Registering the same family again with the same name and
   * parents changes nothing.
   *
   * @throws NotFoundException if a parent is not registered
   * @throws InvalidInputException if {@code registration} is null or a member is not a parent
   * @throws ConflictException if the id is registered with another name or other parents
   */
  FamilyView registerFamily(FamilyRegistration registration);

  /**
   * Adds a parent to a family, such as the second parent joining a case later. Adding a parent who
   * is already a member changes nothing.
   *
   * @throws NotFoundException if the family or the parent is not registered
   * @throws InvalidInputException if the participant is not a parent
   * @throws ConflictException if the family already has {@value InputRules#MAX_PARENTS_PER_FAMILY} parents
   */
  FamilyView addParent(FamilyId family, ParticipantId parent);

  /**
   * Returns a registered participant.
   *
   * @throws NotFoundException if no participant has this id
   */
  ParticipantView participant(ParticipantId participant);

  /**
   * Returns a registered family with its parents.
   *
   * @throws NotFoundException if no family has this id
   */
  FamilyView family(FamilyId family);
}
