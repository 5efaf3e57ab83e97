package dev.casemail.messaging.api;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One group of the recipient chooser: exactly the participants the acting participant may message,
 * grouped by family. A parent appears under each family they belong to; participants outside any
 * family (practitioners, for a parent) come in a group without a family.
 */
@Value.Immutable
public abstract class RecipientGroup {

  RecipientGroup() {}

/** The family of this group, or empty for the group of participants outside a family. */
public abstract Optional<FamilyId> family();

/** The group's heading: the family's name, or a fixed heading for the group without a family. */
public abstract String label();

/** The participants of this group the actor may message, ordered by display name. */
public abstract List<ParticipantView> recipients();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RecipientGroup}. */
  public static final class Builder extends ImmutableRecipientGroup.Builder {}
}
