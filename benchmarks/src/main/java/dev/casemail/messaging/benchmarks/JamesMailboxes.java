package dev.casemail.messaging.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import javax.mail.Flags;
import org.apache.james.core.Username;
import org.apache.james.events.EventBus;
import org.apache.james.events.InVMEventBus;
import org.apache.james.events.MemoryEventDeadLetters;
import org.apache.james.events.RetryBackoffConfiguration;
import org.apache.james.events.delivery.InVmEventDelivery;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.acl.UnionMailboxACLResolver;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.inmemory.InMemoryMailboxManager;
import org.apache.james.mailbox.inmemory.InMemoryMailboxSessionMapperFactory;
import org.apache.james.mailbox.inmemory.InMemoryMessageId;
import org.apache.james.mailbox.inmemory.quota.InMemoryCurrentQuotaManager;
import org.apache.james.mailbox.inmemory.quota.InMemoryPerUserMaxQuotaManager;
import org.apache.james.mailbox.model.MailboxConstants;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.quota.QuotaManager;
import org.apache.james.mailbox.store.FakeAuthenticator;
import org.apache.james.mailbox.store.FakeAuthorizator;
import org.apache.james.mailbox.store.JVMMailboxPathLocker;
import org.apache.james.mailbox.store.PreDeletionHooks;
import org.apache.james.mailbox.store.SessionProviderImpl;
import org.apache.james.mailbox.store.StoreAttachmentManager;
import org.apache.james.mailbox.store.StoreMailboxAnnotationManager;
import org.apache.james.mailbox.store.StoreMessageIdManager;
import org.apache.james.mailbox.store.StoreRightManager;
import org.apache.james.mailbox.store.event.MailboxAnnotationListener;
import org.apache.james.mailbox.store.extractor.DefaultTextExtractor;
import org.apache.james.mailbox.store.mail.NaiveThreadIdGuessingAlgorithm;
import org.apache.james.mailbox.store.mail.model.impl.MessageParser;
import org.apache.james.mailbox.store.quota.CurrentQuotaCalculator;
import org.apache.james.mailbox.store.quota.DefaultUserQuotaRootResolver;
import org.apache.james.mailbox.store.quota.ListeningCurrentQuotaUpdater;
import org.apache.james.mailbox.store.quota.QuotaComponents;
import org.apache.james.mailbox.store.quota.StoreQuotaManager;
import org.apache.james.mailbox.store.search.SimpleMessageSearchIndex;

/**
 * The peer: Apache James' in-memory mailbox (3.8.1), wired from its main jars the way James' own
 * {@code InMemoryIntegrationResources} builder does it (session mapper factory, in-VM event bus,
 * {@code StoreRightManager}, {@code SessionProviderImpl} with the fake authenticator and authorizator
 * of the mailbox-store jar, the quota components with their listener, the scanning
 * {@code SimpleMessageSearchIndex}), with a metric factory that records nothing.
 *
 * <p>James has no notion of a message sent to several people: "sending" is appending the same MIME
 * message to the sender's Sent mailbox (seen) and to each recipient's INBOX.
 */
final class JamesMailboxes {

  static final String SENT = "Sent";
  static final String ARCHIVE = "Archive";

  final InMemoryMailboxManager manager;

  JamesMailboxes() {
    Clock clock = Clock.systemUTC();
    NoopMetricFactory metrics = new NoopMetricFactory();
    InMemoryMailboxSessionMapperFactory mappers = new InMemoryMailboxSessionMapperFactory(clock);
    EventBus eventBus = new InVMEventBus(
        new InVmEventDelivery(metrics), RetryBackoffConfiguration.DEFAULT, new MemoryEventDeadLetters());
    StoreRightManager rights = new StoreRightManager(mappers, new UnionMailboxACLResolver(), eventBus);
    StoreMailboxAnnotationManager annotations = new StoreMailboxAnnotationManager(
        mappers, rights, MailboxConstants.DEFAULT_LIMIT_ANNOTATIONS_ON_MAILBOX,
        MailboxConstants.DEFAULT_LIMIT_ANNOTATION_SIZE);
    SessionProviderImpl sessions = new SessionProviderImpl(new FakeAuthenticator(), FakeAuthorizator.defaultReject());

    InMemoryPerUserMaxQuotaManager maxQuotas = new InMemoryPerUserMaxQuotaManager();
    DefaultUserQuotaRootResolver quotaRoots = new DefaultUserQuotaRootResolver(sessions, mappers);
    CurrentQuotaCalculator quotaCalculator = new CurrentQuotaCalculator(mappers, quotaRoots);
    InMemoryCurrentQuotaManager currentQuotas = new InMemoryCurrentQuotaManager(quotaCalculator, sessions);
    QuotaManager quotas = new StoreQuotaManager(currentQuotas, maxQuotas);
    ListeningCurrentQuotaUpdater quotaUpdater =
        new ListeningCurrentQuotaUpdater(currentQuotas, quotaRoots, eventBus, quotas);
    QuotaComponents quotaComponents = new QuotaComponents(maxQuotas, quotas, quotaRoots);

    PreDeletionHooks hooks = new PreDeletionHooks(Set.of(), metrics);
    StoreMessageIdManager messageIds = new StoreMessageIdManager(rights, mappers, eventBus, quotas, quotaRoots, hooks);
    StoreAttachmentManager attachments = new StoreAttachmentManager(mappers, messageIds);
    SimpleMessageSearchIndex index =
        new SimpleMessageSearchIndex(mappers, mappers, new DefaultTextExtractor(), attachments);

    manager = new InMemoryMailboxManager(
        mappers,
        sessions,
        new JVMMailboxPathLocker(),
        new MessageParser(),
        new InMemoryMessageId.Factory(),
        eventBus,
        annotations,
        rights,
        quotaComponents,
        index,
        hooks,
        new NaiveThreadIdGuessingAlgorithm(),
        clock);

    eventBus.register(quotaUpdater);
    eventBus.register(new MailboxAnnotationListener(mappers, sessions));
  }

  /** A session of {@code user}, as a host that authenticated them itself would open one. */
  MailboxSession session(String user) {
    return manager.createSystemSession(Username.of(user));
  }

  /** Creates the user's mailbox of that name ({@link MailboxConstants#INBOX} for the inbox). */
  MessageManager createMailbox(MailboxSession session, String name) throws MailboxException {
    MailboxPath path = MailboxConstants.INBOX.equals(name)
        ? MailboxPath.inbox(session)
        : MailboxPath.forUser(session.getUser(), name);
    MailboxId id = manager.createMailbox(path, session)
        .orElseThrow(() -> new IllegalStateException("James did not create " + path));
    return manager.getMailbox(id, session);
  }

  /** Appends a MIME message; {@code seen} for the sender's own copy, unseen for a recipient's. */
  static MessageUid append(MessageManager mailbox, MailboxSession session, byte[] mime, boolean seen)
      throws MailboxException {
    MessageManager.AppendCommand command = MessageManager.AppendCommand.builder()
        .withFlags(seen ? new Flags(Flags.Flag.SEEN) : new Flags())
        .build(mime);
    return mailbox.appendMessage(command, session).getId().getUid();
  }

  /** Moves one message and returns its uid in the target mailbox. */
  MessageUid move(MessageUid uid, MailboxId from, MailboxId to, MailboxSession session) throws MailboxException {
    List<MessageRange> moved = manager.moveMessages(MessageRange.one(uid), from, to, session);
    return moved.get(0).getUidFrom();
  }

  /** A plain-text MIME message as a mail client would hand it over. */
  static byte[] mime(String from, List<String> to, String subject, String body) {
    String crlfBody = body.replace("\n", "\r\n");
    String message = "From: " + from + "@casemail.example\r\n"
        + "To: " + String.join(", ", to.stream().map(t -> t + "@casemail.example").toList()) + "\r\n"
        + "Subject: " + subject + "\r\n"
        + "Date: Mon, 5 Jan 2026 09:00:00 +0000\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n"
        + "\r\n"
        + crlfBody;
    return message.getBytes(StandardCharsets.UTF_8);
  }
}
