package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.application.Plan.Outcome;
import dev.casemail.messaging.core.autoresponder.AutoResponderState;
import dev.casemail.messaging.core.mailbox.MailboxChange;
import java.util.List;

/** Reading and saving a mailbox's auto-responder settings. */
final class AutoResponderService {

  private final Context context;

  AutoResponderService(Context context) {
    this.context = context;
  }

  AutoResponderSettings get(ParticipantId actorId) {
    return context.transactions.read("autoResponder", store -> {
      Context.participant(store, actorId);
      return store.autoResponders().find(actorId)
          .map(AutoResponderState::settings)
          .orElseGet(AutoResponderSettings::disabled);
    });
  }

  /**
   * Saves new settings. Only the version of the saved ones is read, never the settings themselves, so
   * a participant can always replace (or switch off) what is stored.
   */
  AutoResponderSettings configure(ParticipantId actorId, AutoResponderSettings settings) {
    return context.transactions.write("configureAutoResponder", store -> {
      Context.participant(store, actorId);
      return Plan.of(List.of(actorId), () -> {
        long version = store.autoResponders().version(actorId).orElse(0L) + 1;
        AutoResponderState state = new AutoResponderState(settings, version, context.now());
        return Outcome.of(MailboxChange.builder().saveAutoResponder(actorId, state).build(), settings);
      });
    });
  }
}
