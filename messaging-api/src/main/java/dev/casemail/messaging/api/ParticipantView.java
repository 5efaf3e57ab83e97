package dev.casemail.messaging.api;


import org.immutables.value.Value;

/**
 * A participant as others see them.
 */
@Value.Immutable
public abstract class ParticipantView {

  ParticipantView() {}

  /** Their id. */
  public abstract ParticipantId id();

  /** Practitioner or parent. */
  public abstract ParticipantRole role();

  /** Their display name. */
  public abstract String displayName();

  /** A participant view. */
  public static ParticipantView of(ParticipantId id, ParticipantRole role, String displayName) {
    return builder().id(id).role(role).displayName(displayName).build();
  }

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ParticipantView}. */
  public static final class Builder extends ImmutableParticipantView.Builder {}
}
