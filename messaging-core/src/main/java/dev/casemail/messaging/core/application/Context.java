package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.InputRules;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.TimestampAuthority;
import dev.casemail.messaging.api.config.AccessFacts;
import dev.casemail.messaging.api.config.AccessPolicy;
import dev.casemail.messaging.core.access.RequestLimit;
import dev.casemail.messaging.core.participant.Participant;
import dev.casemail.messaging.core.port.IdGenerator;
import dev.casemail.messaging.core.port.Store;
import dev.casemail.messaging.core.record.HeadSigner;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/** What every service needs: transactions, time, ids, the access policy and limits, cursors, the record's signer. */
final class Context {

  final Transactions transactions;
  final RequestLimit requestLimit;
  final Cursors cursors;
  final HeadSigner signer;
  final Optional<TimestampAuthority> timestamps;
  private final Clock clock;
  private final IdGenerator ids;
  private final AccessPolicy policy;

  Context(
      Transactions transactions,
      Clock clock,
      IdGenerator ids,
      AccessPolicy policy,
      RequestLimit requestLimit,
      HeadSigner signer,
      Optional<TimestampAuthority> timestamps) {
    this.transactions = transactions;
    this.clock = clock;
    this.ids = ids;
    this.policy = policy;
    this.requestLimit = requestLimit;
    this.cursors = new Cursors();
    this.signer = signer;
    this.timestamps = timestamps;
  }

  /** Whether the host's policy lets {@code sender} message {@code recipient}, asked in the API's terms. */
  boolean mayMessage(Participant sender, Participant recipient, AccessFacts facts) {
    return policy.mayMessage(sender.view(), recipient.view(), facts);
  }

  /** Everyone the host's policy lets {@code sender} message, asked in the API's terms. */
  Set<ParticipantId> recipientsOf(Participant sender, AccessFacts facts) {
    return policy.recipientsOf(sender.view(), facts);
  }

  /**
   * Now, to the microsecond: the precision every store keeps, so a time reads back as it was written.
   *
   * @throws IllegalStateException if the clock is outside the years every store can hold (a broken
   *     clock: the call fails as a storage failure rather than store what cannot be read back)
   */
  Instant now() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    if (now.isBefore(InputRules.MIN_INSTANT) || now.isAfter(InputRules.MAX_INSTANT)) {
      throw new IllegalStateException("the clock says " + now + ", outside the years 1 to 9999 storage holds");
    }
    return now;
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
