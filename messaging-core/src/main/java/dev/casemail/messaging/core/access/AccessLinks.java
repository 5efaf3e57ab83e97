package dev.casemail.messaging.core.access;

import dev.casemail.messaging.api.AccessStatus;
import dev.casemail.messaging.api.ParticipantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Access links between practitioners and parents (a storage port, used within one transaction). */
public interface AccessLinks {

  Optional<AccessLink> find(ParticipantId practitioner, ParticipantId parent);

  /** The link's current status only: what the access policy asks on every send (a store may read less). */
  default Optional<AccessStatus> status(ParticipantId practitioner, ParticipantId parent) {
    return find(practitioner, parent).map(AccessLink::status);
  }

  /**
   * Stores a link in its new state. The link's history is the stored history (if any) plus exactly
   * one new event, its last.
   */
  void save(AccessLink link);

  /**
   * The current status of every link the participant is a side of, by counterpart: what the access
   * policy asks when one participant writes to several (a store may read less than {@link #of}).
   */
  default Map<ParticipantId, AccessStatus> statusesOf(ParticipantId participant) {
    Map<ParticipantId, AccessStatus> statuses = new HashMap<>();
    for (AccessLink link : of(participant)) {
      statuses.put(link.counterpartOf(participant), link.status());
    }
    return statuses;
  }

  /** Every link the participant is a side of, in any status, in any order. */
  List<AccessLink> of(ParticipantId participant);
}
