package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.SignedTreeHead;
import java.util.Optional;

/** Exports of mailboxes' records and their signed heads. */
final class RecordService {

  private final Context context;

  RecordService(Context context) {
    this.context = context;
  }

  RecordExport export(ParticipantId mailbox, RecordScope scope, Optional<String> courtOrder) {
    throw new UnsupportedOperationException("the record export is being built on this branch");
  }

  SignedTreeHead head(ParticipantId mailbox) {
    throw new UnsupportedOperationException("the record head is being built on this branch");
  }
}
