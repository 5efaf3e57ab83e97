package dev.casemail.messaging.contract;

import dev.casemail.messaging.api.AccessLinkView;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;

/** One step of the professional access lifecycle, taken by an actor towards the other side. */
enum AccessStep {
  REQUEST {
    @Override
    AccessLinkView take(ParticipantMessaging actor, ParticipantId counterpart) {
      return actor.requestAccess(counterpart);
    }
  },
  APPROVE {
    @Override
    AccessLinkView take(ParticipantMessaging actor, ParticipantId counterpart) {
      return actor.approveAccess(counterpart);
    }
  },
  REFUSE {
    @Override
    AccessLinkView take(ParticipantMessaging actor, ParticipantId counterpart) {
      return actor.refuseAccess(counterpart);
    }
  },
  BLOCK {
    @Override
    AccessLinkView take(ParticipantMessaging actor, ParticipantId counterpart) {
      return actor.blockAccess(counterpart);
    }
  },
  WITHDRAW {
    @Override
    AccessLinkView take(ParticipantMessaging actor, ParticipantId counterpart) {
      return actor.withdrawAccessRequest(counterpart);
    }
  },
  REMOVE {
    @Override
    AccessLinkView take(ParticipantMessaging actor, ParticipantId counterpart) {
      return actor.removeAccess(counterpart);
    }
  };

  /** Takes this step as {@code actor} towards {@code counterpart}. */
  abstract AccessLinkView take(ParticipantMessaging actor, ParticipantId counterpart);
}
