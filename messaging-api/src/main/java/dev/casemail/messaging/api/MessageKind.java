package dev.casemail.messaging.api;

/** What a message is. Personal messages and auto-replies are in All Messages; system messages are not. */
public enum MessageKind {
  /** Written by a participant to other participants. */
  PERSONAL,
  /** Sent by the system into Action Items: an access request or the answer to one. */
  ACTION_ITEM,
  /** Posted by the host into Notifications, such as a journal entry shared with the owner. */
  NOTIFICATION,
  /** Sent by a participant's auto-responder in answer to a personal message. */
  AUTO_REPLY;

  /** Whether messages of this kind come from the system rather than from a participant. */
  public boolean isSystem() {
    return this == ACTION_ITEM || this == NOTIFICATION;
  }
}
