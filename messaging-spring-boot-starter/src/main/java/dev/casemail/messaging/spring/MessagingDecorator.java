package dev.casemail.messaging.spring;

import dev.casemail.messaging.api.Messaging;

/** Wraps the auto-configured {@link Messaging} before it becomes a bean, as the metrics do. */
@FunctionalInterface
interface MessagingDecorator {

  Messaging decorate(Messaging messaging);
}
