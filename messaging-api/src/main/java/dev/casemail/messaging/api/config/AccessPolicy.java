package dev.casemail.messaging.api.config;

import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantView;
import java.util.Set;

/**
 * Who may message whom: consulted for every recipient of every message, reply and auto-reply, and for
 * the recipient chooser ({@code ParticipantMessaging.recipients()}). A host that needs other
 * rules than the library's {@link DefaultAccessPolicy} passes its own in
 * {@link MessagingConfiguration.Builder#accessPolicy(AccessPolicy)}; it often wraps the default:
 *
 * <pre>{@code
 * AccessPolicy rules = new DefaultAccessPolicy();
 * AccessPolicy noPractitionerWritesFirst = new AccessPolicy() { ... rules.mayMessage(...) ... };
 * }</pre>
 *
 * <p><b>The two methods must agree:</b> {@code recipientsOf(s, facts)} contains exactly the registered
 * participants {@code r} for which {@code mayMessage(s, r, facts)} is true, so that the chooser offers
 * exactly those a send accepts. The library never asks about a participant who is not registered (a
 * send to one is refused like a disallowed recipient) and refuses a message to oneself whatever the
 * policy says.
 *
 * <p>Both methods are called inside the library's transaction of the call, possibly from several
 * threads at once: a policy must be thread-safe, quick, and decide only on its arguments and its own
 * immutable settings (or state the host guards itself). A policy that throws fails the call, which
 * then changes nothing.
 */
public interface AccessPolicy {

  /**
   * Whether {@code sender} may message {@code recipient}.
   *
   * @param sender the participant who sends, replies or auto-replies
   * @param recipient a registered participant the message would reach
   * @param facts the access links and families, as the call's transaction sees them
   */
  boolean mayMessage(ParticipantView sender, ParticipantView recipient, AccessFacts facts);

  /**
   * Everyone {@code sender} may message, for the recipient chooser: exactly the registered participants
   * for whom {@link #mayMessage} is true.
   *
   * @param sender the participant whose chooser is shown
   * @param facts the access links and families, as the call's transaction sees them
   */
  Set<ParticipantId> recipientsOf(ParticipantView sender, AccessFacts facts);
}
