package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.access.AccessPolicy;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.IdGenerator;
import dev.casemail.messaging.core.port.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What every service needs: transactions, time, ids and the access policy. */
final class Context {

  final Transactions transactions;
  final AccessPolicy policy;
  private final Clock clock;
  private final IdGenerator ids;

  Context(Transactions transactions, Clock clock, IdGenerator ids, AccessPolicy policy) {
    this.transactions = transactions;
    this.clock = clock;
    this.ids = ids;
    this.policy = policy;
  }

  /** Now, to the microsecond: the precision every store keeps, so a time reads back as it was written. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  long nextId() {
    long id = ids.next();
    if (id <= 0) {
      throw new IllegalStateException("the id generator issued a non-positive id: " + id);
    }
    return id;
  }

  /** The registered participant, or a {@link NotFoundException}. */
  static Participant participant(Store store, ParticipantId id) {
    return store.participants().find(id).orElseThrow(() -> new NotFoundException("participant", id.value()));
  }
}
