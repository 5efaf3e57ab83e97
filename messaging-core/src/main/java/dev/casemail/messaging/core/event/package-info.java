/**
 * Events out: what each change tells the participants it concerns ({@link
 * dev.casemail.messaging.core.event.NewEvent}, decided with the change in {@code MailboxChange}), the
 * outbox port that keeps them with each consumer's position ({@link dev.casemail.messaging.core.event.Outbox}),
 * and the rules of a consumer's lease per mailbox ({@link dev.casemail.messaging.core.event.EventCursor}).
 */
package dev.casemail.messaging.core.event;
