package dev.casemail.messaging.api;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A parent of a case as the acting participant sees them in My Cases.
 */
@Value.Immutable
public abstract class CaseMember {

  CaseMember() {}

  /** The parent. */
  public abstract ParticipantView parent();

  /**
   * For a practitioner: the status of their access link with this parent, empty if they never asked.
   * For a parent: always empty.
   */
  public abstract Optional<AccessStatus> access();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CaseMember}. */
  public static final class Builder extends ImmutableCaseMember.Builder {}
}
