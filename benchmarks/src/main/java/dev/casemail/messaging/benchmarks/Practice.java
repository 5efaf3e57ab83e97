package dev.casemail.messaging.benchmarks;

import dev.casemail.messaging.api.FamilyId;
import dev.casemail.messaging.api.FamilyRegistration;
import dev.casemail.messaging.api.Messaging;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantRegistration;
import java.util.Set;

/**
 * The scene every benchmark plays on, set up through the public API as a host would: one lawyer with
 * approved access to both parents of one family, and the texts they send.
 */
final class Practice {

  static final ParticipantId LAWYER = ParticipantId.of("lawyer-1");
  static final ParticipantId MOTHER = ParticipantId.of("parent-1");
  static final ParticipantId FATHER = ParticipantId.of("parent-2");

  static final String LAWYER_NAME = "A. Lawyer";
  static final String MOTHER_NAME = "M. Parent";
  static final String FATHER_NAME = "F. Parent";

  static final String SUBJECT = "Hearing on Monday";
  /** The body of W1 and W3: 1 KiB of ASCII text. */
  static final String LETTER = text(1024);
  /** The body of the messages that fill mailboxes (W2, W4, W5): 256 bytes. */
  static final String NOTE = text(256);

  private Practice() {}

  /** Registers the lawyer and the family, and grants the lawyer access to both parents. */
  static void register(Messaging messaging) {
    messaging.directory().register(ParticipantRegistration.practitioner(LAWYER, LAWYER_NAME));
    messaging.directory().register(ParticipantRegistration.parent(MOTHER, MOTHER_NAME));
    messaging.directory().register(ParticipantRegistration.parent(FATHER, FATHER_NAME));
    messaging.directory()
        .registerFamily(FamilyRegistration.of(FamilyId.of("family-1"), "Parent family", Set.of(MOTHER, FATHER)));
    for (ParticipantId parent : Set.of(MOTHER, FATHER)) {
      messaging.actingAs(LAWYER).requestAccess(parent);
      messaging.actingAs(parent).approveAccess(LAWYER);
    }
  }

  /** W1 and W3: the lawyer's 1 KiB letter to both parents. */
  static NewMessage letterToBothParents() {
    return NewMessage.builder().addRecipients(MOTHER, FATHER).subject(SUBJECT).body(LETTER).build();
  }

  /** What fills the mother's Inbox: a short note from the lawyer. */
  static NewMessage noteToMother() {
    return noteTo(MOTHER);
  }

  /** What fills a parent's Inbox: a short note from the lawyer. */
  static NewMessage noteTo(ParticipantId parent) {
    return NewMessage.builder().addRecipients(parent).subject(SUBJECT).body(NOTE).build();
  }

  /** {@code length} characters of plain ASCII prose in lines of at most 64 characters. */
  static String text(int length) {
    String words = "Please bring the school reports and the schedule for the holidays. ";
    StringBuilder text = new StringBuilder(length);
    int column = 0;
    while (text.length() < length) {
      char next = column == 63 ? '\n' : words.charAt(text.length() % words.length());
      text.append(next);
      column = next == '\n' ? 0 : column + 1;
    }
    return text.toString();
  }
}
