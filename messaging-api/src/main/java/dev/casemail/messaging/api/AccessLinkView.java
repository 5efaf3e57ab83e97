package dev.casemail.messaging.api;

import java.util.List;
import org.immutables.value.Value;

/**
 * Professional access between one practitioner and one parent: its status now and its history, oldest
 * first, across every request ever made between the two. Listings carry the latest
 * {@value #LISTED_EVENTS} events of each link, so that they cost the same however long a history
 * grows; {@link ParticipantMessaging#accessLink(ParticipantId)} gives one link with all of them.
 */
@Value.Immutable
public abstract class AccessLinkView {

  /** How many of a link's latest events a listing or a lifecycle step returns. */
  public static final int LISTED_EVENTS = 20;

  AccessLinkView() {}

  /** The practitioner side. */
  public abstract ParticipantView practitioner();

  /** The parent side. */
  public abstract ParticipantView parent();

  /** The status now. */
  public abstract AccessStatus status();

  /** Who made the latest request. */
  public abstract ParticipantId requestedBy();

  /**
   * The changes, oldest first; the last one is the current status. All of them from
   * {@link ParticipantMessaging#accessLink(ParticipantId)}; the latest {@value #LISTED_EVENTS} at most
   * elsewhere ({@link #eventCount()} tells how many there are in all).
   */
  public abstract List<AccessEvent> history();

  /** How many changes the link has had in all; {@link #history()} holds the latest of them. */
  @Value.Default
  public int eventCount() {
    return history().size();
  }

  /** Whether {@link #history()} holds every change the link has had. */
  public boolean isCompleteHistory() {
    return history().size() == eventCount();
  }

  /** The other side, seen from {@code participant}. */
  public ParticipantView counterpartOf(ParticipantId participant) {
    return practitioner().id().equals(participant) ? parent() : practitioner();
  }

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link AccessLinkView}. Every method refuses a null with an {@link InvalidInputException} naming
   * the field and leaves the builder as it was, except the setters of an optional value that take the
   * value itself, which take null as "absent".
   */
  public static final class Builder {
    private final ImmutableAccessLinkView.Builder values = new ImmutableAccessLinkView.Builder();

    /** An empty builder, as {@link AccessLinkView#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code accessLinkView}. @throws InvalidInputException if it is null */
    public Builder from(AccessLinkView accessLinkView) {
      values.from(InputRules.required("accessLinkView", accessLinkView));
      return this;
    }

    /** Sets {@link AccessLinkView#practitioner()}. @throws InvalidInputException if it is null */
    public Builder practitioner(ParticipantView practitioner) {
      values.practitioner(InputRules.required("practitioner", practitioner));
      return this;
    }

    /** Sets {@link AccessLinkView#parent()}. @throws InvalidInputException if it is null */
    public Builder parent(ParticipantView parent) {
      values.parent(InputRules.required("parent", parent));
      return this;
    }

    /** Sets {@link AccessLinkView#status()}. @throws InvalidInputException if it is null */
    public Builder status(AccessStatus status) {
      values.status(InputRules.required("status", status));
      return this;
    }

    /** Sets {@link AccessLinkView#requestedBy()}. @throws InvalidInputException if it is null */
    public Builder requestedBy(ParticipantId requestedBy) {
      values.requestedBy(InputRules.required("requestedBy", requestedBy));
      return this;
    }

    /** Adds one to {@link AccessLinkView#history()}. @throws InvalidInputException if it is null */
    public Builder addHistory(AccessEvent element) {
      values.addHistory(Arguments.element("history", element));
      return this;
    }

    /** Adds to {@link AccessLinkView#history()}. @throws InvalidInputException if the array or an element is null */
    public Builder addHistory(AccessEvent... history) {
      values.addAllHistory(Arguments.elements("history", history));
      return this;
    }

    /** Sets {@link AccessLinkView#history()}, replacing what was added. @throws InvalidInputException if they or an element is null */
    public Builder history(Iterable<? extends AccessEvent> history) {
      values.history(Arguments.elements("history", history));
      return this;
    }

    /** Adds to {@link AccessLinkView#history()}. @throws InvalidInputException if they or an element is null */
    public Builder addAllHistory(Iterable<? extends AccessEvent> history) {
      values.addAllHistory(Arguments.elements("history", history));
      return this;
    }

    /** Sets {@link AccessLinkView#eventCount()}. */
    public Builder eventCount(int eventCount) {
      values.eventCount(eventCount);
      return this;
    }

    /** The accessLinkView. */
    public AccessLinkView build() {
      return values.build();
    }
  }
}
