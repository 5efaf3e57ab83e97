package dev.casemail.messaging.jdbc;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRole;
import dev.casemail.messaging.core.participant.Participant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists kept in one column: a message's recipients as they were registered when it was sent, a
 * draft's recipients. Ids and names never hold control characters (the API refuses them), so a tab
 * between fields and a line feed between entries can never be ambiguous.
 */
final class Codec {

  private static final String FIELD = "\t";
  private static final String ENTRY = "\n";

  private Codec() {}

  static String participants(List<Participant> participants) {
    StringBuilder text = new StringBuilder();
    for (Participant participant : participants) {
      if (text.length() > 0) {
        text.append(ENTRY);
      }
      text.append(participant.id().value()).append(FIELD).append(participant.role().name()).append(FIELD)
          .append(participant.displayName());
    }
    return text.toString();
  }

  static List<Participant> participants(String text) {
    List<Participant> participants = new ArrayList<>();
    for (String entry : text.split(ENTRY, -1)) {
      String[] fields = entry.split(FIELD, -1);
      if (fields.length != 3) {
        throw new IllegalStateException("malformed participant list in the database: " + entry);
      }
      participants.add(new Participant(ParticipantId.of(fields[0]), ParticipantRole.valueOf(fields[1]), fields[2]));
    }
    return participants;
  }

  static String ids(Collection<ParticipantId> ids) {
    StringBuilder text = new StringBuilder();
    for (ParticipantId id : ids) {
      if (text.length() > 0) {
        text.append(ENTRY);
      }
      text.append(id.value());
    }
    return text.toString();
  }

  static Set<ParticipantId> ids(String text) {
    Set<ParticipantId> ids = new LinkedHashSet<>();
    if (!text.isEmpty()) {
      for (String id : text.split(ENTRY, -1)) {
        ids.add(ParticipantId.of(id));
      }
    }
    return ids;
  }
}
