package dev.casemail.messaging.api;

import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Moves 1 to {@value InputRules#MAX_MOVE_BATCH} messages of the acting participant's mailbox into
 * one folder, all or nothing.
 *
 * <p>A message may go to Archive, to any custom folder, or back to its home folder (Inbox for a
 * received message, Sent for a sent one, Action Items or Notifications for a system message). It may
 * never go into All Messages or Drafts.
 */
@Value.Immutable
public abstract class MoveRequest {

  MoveRequest() {}

  /** The messages to move. */
  public abstract Set<MessageId> messages();

  /** Where they go. */
  public abstract FolderId target();

  /**
   * The folder the caller believes every message is in, as a screen showing that folder would. If
   * given, a message found elsewhere (moved meanwhile by another device) fails the whole move with a
   * {@link ConflictException}; All Messages and Drafts are not places messages can be moved out of.
   */
  public abstract Optional<FolderId> expectedSource();

  /** Moves these messages to {@code target}. @throws InvalidInputException if a rule is broken */
  public static MoveRequest of(Set<MessageId> messages, FolderId target) {
    return builder().messages(messages).target(target).build();
  }

  /** Moves one message to {@code target}. @throws InvalidInputException if a rule is broken */
  public static MoveRequest of(MessageId message, FolderId target) {
    return builder().addMessages(message).target(target).build();
  }

  /**
   * Moves these messages to {@code target}: {@code MoveRequest.to(SystemFolder.ARCHIVE.id(), first, second)}.
   * (The target comes first because Java's variable arguments must come last.)
   *
   * @throws InvalidInputException if the target, the array or one of the ids is null, if no message is
   *     given, or if more than {@value InputRules#MAX_MOVE_BATCH} are
   */
  public static MoveRequest to(FolderId target, MessageId... messages) {
    return builder().addMessages(messages).target(target).build();
  }

  /** A builder; {@code build()} throws {@link InvalidInputException} if a rule is broken. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    InputRules.size("messages", messages(), 1, InputRules.MAX_MOVE_BATCH);
    InputRules.required("target", target());
  }

  /**
   * Builds a {@link MoveRequest}. Every method refuses a null with an {@link InvalidInputException}
   * naming the field and leaves the builder as it was, except {@link #expectedSource(FolderId)}, which
   * takes null as "none"; {@link #build()} checks the rest.
   */
  public static final class Builder {
    private final ImmutableMoveRequest.Builder values = new ImmutableMoveRequest.Builder();

    /** An empty builder, as {@link MoveRequest#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code request}. @throws InvalidInputException if it is null */
    public Builder from(MoveRequest request) {
      values.from(InputRules.required("request", request));
      return this;
    }

    /** Adds a message to move. @throws InvalidInputException if it is null */
    public Builder addMessages(MessageId message) {
      values.addMessages(Arguments.element("messages", message));
      return this;
    }

    /** Adds messages to move. @throws InvalidInputException if the array or one of them is null */
    public Builder addMessages(MessageId... messages) {
      values.addAllMessages(Arguments.elements("messages", messages));
      return this;
    }

    /** Sets the messages to move, replacing any added before. @throws InvalidInputException if they or one of them is null */
    public Builder messages(Iterable<? extends MessageId> messages) {
      values.messages(Arguments.elements("messages", messages));
      return this;
    }

    /** Adds messages to move. @throws InvalidInputException if they or one of them is null */
    public Builder addAllMessages(Iterable<? extends MessageId> messages) {
      values.addAllMessages(Arguments.elements("messages", messages));
      return this;
    }

    /** Sets the target folder. @throws InvalidInputException if it is null */
    public Builder target(FolderId target) {
      values.target(InputRules.required("target", target));
      return this;
    }

    /** Sets the folder every message is expected in; null means no expectation. */
    public Builder expectedSource(FolderId expectedSource) {
      values.expectedSource(expectedSource);
      return this;
    }

    /** Sets or clears the expected source folder. @throws InvalidInputException if the optional itself is null */
    public Builder expectedSource(Optional<? extends FolderId> expectedSource) {
      values.expectedSource(Arguments.optional("expectedSource", expectedSource));
      return this;
    }

    /** The request. @throws InvalidInputException if a rule is broken */
    public MoveRequest build() {
      return values.build();
    }
  }
}
