package dev.casemail.messaging.core.access;

import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.RecordedAccessEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Access links between practitioners and parents (a storage port, used within one transaction),
 * written through {@code MailboxChanges}. A link is stored under each of its two sides, so either side
 * reads its links from its own mailbox. Reads return a link with its latest events only (at most
 * {@link AccessLink#LATEST_EVENTS}, oldest first), so that they cost the same however long a link's
 * history grows; {@link #withHistory} reads all of it.
 */
public interface AccessLinks {

  /** The link between the two, with its latest events. */
  Optional<AccessLink> find(ParticipantId practitioner, ParticipantId parent);

  /** The link between the two with every event it ever had. */
  Optional<AccessLink> withHistory(ParticipantId practitioner, ParticipantId parent);

  /**
   * When {@code requester} asked for access on the link between the two, newest first: the times of
   * its latest {@code limit} requests at most.
   */
  List<Instant> requestTimes(ParticipantId practitioner, ParticipantId parent, ParticipantId requester, int limit);

  /** The current status of every link the participant is a side of, by counterpart, in one read. */
  Map<ParticipantId, AccessStatus> statusesOf(ParticipantId participant);

  /**
   * Every event of every link the participant is a side of, as the participant's record says them (for
   * an export of the participant's record), in any order.
   */
  List<RecordedAccessEvent> events(ParticipantId participant);

  /** Every link the participant is a side of, in any status and any order, each with its latest events. */
  List<AccessLink> of(ParticipantId participant);
}
