package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a write will do, known before it reads anything that may change: every mailbox it is going to
 * write, and the work that decides the change once they are locked. The planning may read only what
 * never changes (participants, a message's content), or what the work reads again under the lock.
 */
record Plan<T>(Set<ParticipantId> mailboxes, Supplier<Outcome<T>> work) {

  Plan {
    mailboxes = Set.copyOf(mailboxes);
  }

  static <T> Plan<T> of(Collection<ParticipantId> mailboxes, Supplier<Outcome<T>> work) {
    return new Plan<>(Set.copyOf(mailboxes), work);
  }

  /** What a write decided: the change to apply and what the call returns. */
  record Outcome<T>(MailboxChange change, T result) {

    static <T> Outcome<T> of(MailboxChange change, T result) {
      return new Outcome<>(change, result);
    }

    /** A call that changes nothing (a retried idempotent call, a no-op move). */
    static <T> Outcome<T> unchanged(T result) {
      return new Outcome<>(MailboxChange.NONE, result);
    }
  }
}
