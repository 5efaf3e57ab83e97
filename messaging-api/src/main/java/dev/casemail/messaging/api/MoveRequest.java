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

  /** A builder; {@code build()} throws {@link InvalidInputException} if a rule is broken. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    InputRules.size("messages", messages(), 1, InputRules.MAX_MOVE_BATCH);
    InputRules.required("target", target());
  }

  /** Builds a {@link MoveRequest}. */
  public static final class Builder extends ImmutableMoveRequest.Builder {}
}
