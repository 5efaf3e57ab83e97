package dev.casemail.messaging.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventTest {

  private static final EventId ID = new EventId(ParticipantId.of("anna"), 1);
  private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");

  @Test
  void aMessageReceivedCarriesTheMessageItsThreadKindAndSenderAndNothingElse() {
    Event event = new Event(ID, AT, EventType.MESSAGE_RECEIVED, Optional.of(new MessageId(7)),
        Optional.of(new ThreadId(3)), Optional.of(MessageKind.PERSONAL), Optional.of(ParticipantId.of("lee")),
        Optional.empty());

    assertThat(event.mailbox()).isEqualTo(ParticipantId.of("anna"));
    InvalidInputException extra = catchThrowableOfType(() -> new Event(ID, AT, EventType.MESSAGE_RECEIVED,
        Optional.of(new MessageId(7)), Optional.of(new ThreadId(3)), Optional.of(MessageKind.PERSONAL),
        Optional.of(ParticipantId.of("lee")), Optional.of(1L)), InvalidInputException.class);
    assertThat(extra.field()).isEqualTo("event");
    InvalidInputException missing = catchThrowableOfType(() -> new Event(ID, AT, EventType.MESSAGE_RECEIVED,
        Optional.of(new MessageId(7)), Optional.empty(), Optional.of(MessageKind.PERSONAL),
        Optional.of(ParticipantId.of("lee")), Optional.empty()), InvalidInputException.class);
    assertThat(missing.field()).isEqualTo("event");
  }

  @Test
  void everyTypeCarriesAtLeastOneFieldAndEveryAccessStatusHasItsType() {
    for (EventType type : EventType.values()) {
      assertThat(type.fields()).as(type.name()).isNotEmpty();
    }
    for (AccessStatus status : AccessStatus.values()) {
      assertThat(EventType.ofAccess(status).name()).isEqualTo("ACCESS_" + status.name());
    }
  }

  @Test
  void anEventIdIsAPositiveNumberInAMailboxAndOrdersByMailboxThenNumber() {
    assertThat(catchThrowableOfType(() -> new EventId(ParticipantId.of("anna"), 0), InvalidInputException.class).field())
        .isEqualTo("sequence");
    assertThat(catchThrowableOfType(() -> new EventId(null, 1), InvalidInputException.class).field())
        .isEqualTo("mailbox");
    assertThat(new EventId(ParticipantId.of("anna"), 2)).isLessThan(new EventId(ParticipantId.of("ben"), 1));
    assertThat(new EventId(ParticipantId.of("anna"), 2)).isGreaterThan(ID);
    assertThat(ID.toString()).isEqualTo("anna#1");
  }
}
