package dev.casemail.messaging.core.application;

import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.core.autoresponder.AutoResponderState;

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

  AutoResponderSettings configure(ParticipantId actorId, AutoResponderSettings settings) {
    return context.transactions.write("configureAutoResponder", store -> {
      Context.participant(store, actorId);
      long version = store.autoResponders().find(actorId).map(AutoResponderState::version).orElse(0L) + 1;
      store.autoResponders().save(actorId, new AutoResponderState(settings, version, context.now()));
      return settings;
    });
  }
}
