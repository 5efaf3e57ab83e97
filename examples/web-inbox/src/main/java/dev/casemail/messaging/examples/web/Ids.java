package dev.casemail.messaging.examples.web;

import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.NotFoundException;

/** Ids from the URL: one no id can have (zero, negative) is an unknown id, the 404 page, like any other. */
final class Ids {

  private Ids() {}

  static FolderId folder(long value) {
    if (value < 1) {
      throw new NotFoundException("folder", Long.toString(value));
    }
    return FolderId.of(value);
  }

  static MessageId message(long value) {
    if (value < 1) {
      throw new NotFoundException("message", Long.toString(value));
    }
    return MessageId.of(value);
  }

  static DraftId draft(long value) {
    if (value < 1) {
      throw new NotFoundException("draft", Long.toString(value));
    }
    return DraftId.of(value);
  }
}
