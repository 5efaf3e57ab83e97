package dev.casemail.messaging.api;

import java.util.Set;
import org.immutables.value.Value;

/**
 * Registers a family (a case): the parents of one family, 1 to
 * {@value InputRules#MAX_PARENTS_PER_FAMILY} of them. Parents must already be registered; a parent
 * may belong to several families. Under the default access policy parents who share a family may
 * message each other.
 */
@Value.Immutable
public abstract class FamilyRegistration {

  FamilyRegistration() {}

  /** The host's id for the family. */
  public abstract FamilyId id();

  /** The family's name as the recipient chooser shows it, trimmed. */
  public abstract String name();

  /** The parents of the family. */
  public abstract Set<ParticipantId> parents();

  /** Registers a family. @throws InvalidInputException if an argument breaks a rule */
  public static FamilyRegistration of(FamilyId id, String name, Set<ParticipantId> parents) {
    // the generated builder would fail on a null set with a NullPointerException
    return builder().id(id).name(name).parents(InputRules.required("parents", parents)).build();
  }

  /** A builder; {@code build()} throws {@link InvalidInputException} if a rule is broken. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  FamilyRegistration check() {
    InputRules.required("id", id());
    InputRules.size("parents", parents(), 1, InputRules.MAX_PARENTS_PER_FAMILY);
    String name = InputRules.singleLine("name", name(), InputRules.MAX_DISPLAY_NAME_LENGTH);
    return name.equals(name()) ? this : new Builder().from(this).name(name).build();
  }

  /** Builds a {@link FamilyRegistration}. */
  public static final class Builder extends ImmutableFamilyRegistration.Builder {}
}
