package dev.casemail.messaging.api;

import java.util.List;
import org.immutables.value.Value;

/**
 * A family (a case) and its parents.
 */
@Value.Immutable
public abstract class FamilyView {

  FamilyView() {}

  /** The host's id of the family. */
  public abstract FamilyId id();

  /** The family's name. */
  public abstract String name();

  /** Its parents, ordered by display name. */
  public abstract List<ParticipantView> parents();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FamilyView}. */
  public static final class Builder extends ImmutableFamilyView.Builder {}
}
