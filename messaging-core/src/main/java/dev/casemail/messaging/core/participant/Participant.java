package dev.casemail.messaging.core.participant;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.api.ParticipantView;
import java.util.Objects;

/**
 * A registered participant. Messages keep a copy of this record as it was when they were sent, so a
 * court reads the names that were shown at the time.
 */
public record Participant(ParticipantId id, ParticipantRole role, String displayName) {

  public Participant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(displayName, "displayName");
  }

  public boolean isPractitioner() {
    return role == ParticipantRole.PRACTITIONER;
  }

  public boolean isParent() {
    return role == ParticipantRole.PARENT;
  }

  public ParticipantView view() {
    return ParticipantView.of(id, role, displayName);
  }
}
