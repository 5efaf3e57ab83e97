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

  /**
   * Builds a {@link RecipientGroup}. Every method refuses a null with an {@link InvalidInputException} naming
   * the field and leaves the builder as it was, except the setters of an optional value that take the
   * value itself, which take null as "absent".
   */
  public static final class Builder {
    private final ImmutableRecipientGroup.Builder values = new ImmutableRecipientGroup.Builder();

    /** An empty builder, as {@link RecipientGroup#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code recipientGroup}. @throws InvalidInputException if it is null */
    public Builder from(RecipientGroup recipientGroup) {
      values.from(InputRules.required("recipientGroup", recipientGroup));
      return this;
    }

    /** Sets {@link RecipientGroup#family()}; null means absent. */
    public Builder family(FamilyId family) {
      values.family(family);
      return this;
    }

    /** Sets or clears {@link RecipientGroup#family()}. @throws InvalidInputException if the optional itself is null */
    public Builder family(Optional<? extends FamilyId> family) {
      values.family(Arguments.optional("family", family));
      return this;
    }

    /** Sets {@link RecipientGroup#label()}. @throws InvalidInputException if it is null */
    public Builder label(String label) {
      values.label(InputRules.required("label", label));
      return this;
    }

    /** Adds one to {@link RecipientGroup#recipients()}. @throws InvalidInputException if it is null */
    public Builder addRecipients(ParticipantView element) {
      values.addRecipients(Arguments.element("recipients", element));
      return this;
    }

    /** Adds to {@link RecipientGroup#recipients()}. @throws InvalidInputException if the array or an element is null */
    public Builder addRecipients(ParticipantView... recipients) {
      values.addAllRecipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** Sets {@link RecipientGroup#recipients()}, replacing what was added. @throws InvalidInputException if they or an element is null */
    public Builder recipients(Iterable<? extends ParticipantView> recipients) {
      values.recipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** Adds to {@link RecipientGroup#recipients()}. @throws InvalidInputException if they or an element is null */
    public Builder addAllRecipients(Iterable<? extends ParticipantView> recipients) {
      values.addAllRecipients(Arguments.elements("recipients", recipients));
      return this;
    }

    /** The recipientGroup. */
    public RecipientGroup build() {
      return values.build();
    }
  }
}
