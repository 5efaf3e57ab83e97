package dev.casemail.messaging.api;

import dev.casemail.messaging.api.blob.ContentHash;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything one participant can do, each call authorized against them. Obtained from
 * {@link Messaging#actingAs(ParticipantId)}; thread-safe and cheap.
 *
 * <p>Every method is atomic: it either does all it promises or throws and changes nothing. Every
 * method throws {@link NotFoundException} if the acting participant is not registered,
 * {@link InvalidInputException} for a null argument, and {@link StorageException} if storage fails.
 * Ids of messages, folders and drafts that belong to another mailbox are {@link NotFoundException}s.
 */
public interface ParticipantMessaging {

  /** The participant this view acts as. */
  ParticipantId participant();

  /** The acting participant as others see them. */
  ParticipantView me();

  // ---------------------------------------------------------------- professional access (My Cases)

  /**
   * Asks for professional access: a practitioner asks a parent, or a parent asks a practitioner. The
   * other side receives an action item. One requester may ask one participant at most
   * {@code MessagingConfiguration.accessRequestLimit} times per
   * {@code MessagingConfiguration.accessRequestPeriod} (3 per 30 days by default).
   *
   * @throws NotFoundException (kind {@code "parent"} for a practitioner, {@code "practitioner"} for a
   *     parent) if the counterpart is not registered or does not have the other role: the error never
   *     tells which
   * @throws InvalidInputException if the counterpart is the actor
   * @throws AccessDeniedException if the counterpart blocked the actor's requests
   * @throws ConflictException if a request is already pending or access is already approved
   * @throws LimitExceededException if the actor already made as many requests to the counterpart in
   *     the period as allowed
   */
  AccessLinkView requestAccess(ParticipantId counterpart);

  /**
   * Approves the pending request {@code requester} made to the actor; the requester receives an
   * action item. From now on the two may message each other.
   *
   * @throws NotFoundException (kind {@code "access link with"}) if there is no link between the two,
   *     whether because {@code requester} is not registered, has the actor's role, or never asked: the
   *     error never tells which
   * @throws ConflictException if no request from {@code requester} is pending
   */
  AccessLinkView approveAccess(ParticipantId requester);

  /**
   * Refuses the pending request {@code requester} made to the actor; the requester receives an action
   * item and may ask again later.
   *
   * @throws NotFoundException (kind {@code "access link with"}) if there is no link between the two,
   *     for whatever reason, as for {@link #approveAccess}
   * @throws ConflictException if no request from {@code requester} is pending
   */
  AccessLinkView refuseAccess(ParticipantId requester);

  /**
   * Refuses the pending request and stops {@code requester} from asking again; the requester receives
   * an action item. The actor may still send a request of their own later.
   *
   * @throws NotFoundException (kind {@code "access link with"}) if there is no link between the two,
   *     for whatever reason, as for {@link #approveAccess}
   * @throws ConflictException if no request from {@code requester} is pending
   */
  AccessLinkView blockAccess(ParticipantId requester);

  /**
   * Withdraws the actor's own pending request; the other side receives an action item.
   *
   * @throws NotFoundException (kind {@code "access link with"}) if there is no link between the two,
   *     for whatever reason, as for {@link #approveAccess}
   * @throws ConflictException if the actor has no pending request to {@code counterpart}
   */
  AccessLinkView withdrawAccessRequest(ParticipantId counterpart);

  /**
   * Ends approved access, from either side; the other side receives an action item. New messages and
   * replies between the two are refused from now on; the history in both mailboxes stays.
   *
   * @throws NotFoundException (kind {@code "access link with"}) if there is no link between the two,
   *     for whatever reason, as for {@link #approveAccess}
   * @throws ConflictException if access is not approved
   */
  AccessLinkView removeAccess(ParticipantId counterpart);

  /**
   * Every access link of the actor, in any status, ordered by counterpart name, each with its latest
   * {@value AccessLinkView#LISTED_EVENTS} events: as cheap however long the histories are.
   */
  List<AccessLinkView> accessLinks();

  /**
   * The actor's access link with {@code counterpart}, with every event it ever had.
   *
   * @throws NotFoundException (kind {@code "access link with"}) if there is no link between the two,
   *     for whatever reason, as for {@link #approveAccess}
   */
  AccessLinkView accessLink(ParticipantId counterpart);

  /**
   * The actor's cases (My Cases), ordered by family name. A parent sees each of their families with
   * all its parents. A practitioner sees the family of every parent they have a link with; the
   * family's other parents only when the practitioner has APPROVED access to one of its parents (so a
   * practitioner who was refused or blocked never learns who the co-parent is).
   */
  List<CaseView> cases();

  /** The recipient chooser: exactly the participants the actor may message, grouped by family. */
  List<RecipientGroup> recipients();

  // ---------------------------------------------------------------- composing

  /**
   * Sends a personal message. One copy lands in each recipient's Inbox and one in the actor's Sent;
   * recipients whose auto-responder is active may answer at once.
   *
   * @return the actor's copy
   * @throws AccessDeniedException naming every recipient the actor may not message (nothing is sent)
   * @throws InvalidInputException if a recipient is the actor
   * @throws ConflictException if the idempotency key was used for different content
   * @throws InvalidInputException if an attachment breaks a rule of its name, its type or its size,
   *     or its content cannot be read (README, "Attachments"; nothing is sent)
   * @throws LimitExceededException (limit {@code "attachmentSize"}, {@code "attachmentsTotal"} or
   *     {@code "attachmentQuota"}) if a file is larger than allowed, the files together are, or they
   *     would take the actor's mailbox past its storage quota (nothing is sent)
   */
  MessageView send(NewMessage message);

  /**
   * Replies to the sender of a message in the actor's mailbox; replying to a message the actor sent
   * goes to its recipients. The subject gets one {@code "Re: "}, the reply joins the thread, and the
   * original is quoted unless the reply opts out.
   *
   * @throws NotFoundException if the message is not in the actor's mailbox
   * @throws InvalidInputException if the message is a system message
   * @throws AccessDeniedException if the actor may no longer message a recipient
   * @throws InvalidInputException if an attachment breaks a rule of its name, its type or its size,
   *     or its content cannot be read (README, "Attachments"; nothing is sent)
   * @throws LimitExceededException (limit {@code "attachmentSize"}, {@code "attachmentsTotal"} or
   *     {@code "attachmentQuota"}) if a file is larger than allowed, the files together are, or they
   *     would take the actor's mailbox past its storage quota (nothing is sent)
   */
  MessageView reply(Reply reply);

  /**
   * Replies to the sender and every other recipient of the original, except the actor.
   *
   * @throws NotFoundException if the message is not in the actor's mailbox
   * @throws InvalidInputException if the message is a system message
   * @throws AccessDeniedException naming every recipient the actor may no longer message
   * @throws InvalidInputException if an attachment breaks a rule of its name, its type or its size,
   *     or its content cannot be read (README, "Attachments"; nothing is sent)
   * @throws LimitExceededException (limit {@code "attachmentSize"}, {@code "attachmentsTotal"} or
   *     {@code "attachmentQuota"}) if a file is larger than allowed, the files together are, or they
   *     would take the actor's mailbox past its storage quota (nothing is sent)
   */
  MessageView replyAll(Reply reply);

  /**
   * Saves a new draft into Drafts.
   *
   * @throws NotFoundException if it answers a message that is not in the actor's mailbox
   * @throws InvalidInputException if a recipient is the actor, if it keeps attachments (a new draft has
   *     none), or as for {@link #send(NewMessage)} for its attachments
   * @throws LimitExceededException as for {@link #send(NewMessage)}: a draft's files count towards the
   *     actor's storage quota
   */
  DraftView saveDraft(DraftContent content);

  /**
   * Replaces a draft's content.
   *
   * @param expectedVersion the version the caller last read
   * @throws NotFoundException if the draft is not the actor's
   * @throws ConflictException if the draft was saved meanwhile (its version is not {@code expectedVersion})
   * @throws InvalidInputException if a kept hash is not one of the draft's attachments, or as for
   *     {@link #send(NewMessage)} for its new attachments
   * @throws LimitExceededException as for {@link #saveDraft(DraftContent)}
   */
  DraftView updateDraft(DraftId draft, long expectedVersion, DraftContent content);

  /**
   * Deletes a draft.
   *
   * @throws NotFoundException if the draft is not the actor's
   */
  void deleteDraft(DraftId draft);

  /**
   * Sends a draft with every rule of {@link #send(NewMessage)}, and removes it from Drafts. Sending
   * the same draft again returns the message it became.
   *
   * @throws NotFoundException if the draft is not the actor's
   * @throws InvalidInputException if it lacks recipients or a subject
   * @throws AccessDeniedException naming every recipient the actor may not message (the draft stays)
   */
  MessageView sendDraft(DraftId draft);

  /**
   * Returns a draft.
   *
   * @throws NotFoundException if the draft is not the actor's
   */
  DraftView draft(DraftId draft);

  /** Lists Drafts, most recently saved first. @throws InvalidInputException for a foreign cursor */
  DraftPage drafts(PageRequest page);

  /**
   * Every draft, most recently saved first, read {@value InputRules#MAX_PAGE_SIZE} at a time as the
   * stream is consumed (each page is one call of {@link #drafts(PageRequest)}). A draft saved after the
   * stream started may or may not be in it; none is listed twice.
   */
  default Stream<DraftView> allDrafts() {
    return Paging.stream(PageRequest.first(InputRules.MAX_PAGE_SIZE), request -> {
      DraftPage page = drafts(request);
      return new Paging.Page<>(page.items(), page.next());
    });
  }

  // ---------------------------------------------------------------- reading

  /**
   * Opens a message: returns it with its body and, the first time a recipient opens their copy,
   * records when (once, never changed afterwards).
   *
   * @throws NotFoundException if the message is not in the actor's mailbox
   */
  MessageView open(MessageId message);

  /**
   * Returns a message with its body without counting as opening it.
   *
   * @throws NotFoundException if the message is not in the actor's mailbox
   */
  MessageView preview(MessageId message);

  /**
   * Opens a file attached to a message in the actor's mailbox, for reading as a stream the caller closes.
   * Does not count as opening the message.
   *
   * @param hash the attachment's {@link AttachmentView#hash()}
   * @throws NotFoundException (kind {@code "message"}) if the message is not in the actor's mailbox,
   *     whether it exists or not, or (kind {@code "attachment"}) if it carries no file with that hash
   */
  OpenedAttachment openAttachment(MessageId message, ContentHash hash);

  /**
   * Opens a file attached to one of the actor's drafts, as {@link #openAttachment} does for a message.
   *
   * @throws NotFoundException (kind {@code "draft"}) if the draft is not the actor's, or (kind
   *     {@code "attachment"}) if it carries no file with that hash
   */
  OpenedAttachment openDraftAttachment(DraftId draft, ContentHash hash);

  /**
   * The actor's folders with their counts: the system folders in their fixed order, then custom
   * folders by name.
   */
  List<FolderView> folders();

  /**
   * One folder with its counts, as {@link #folders()} lists it.
   *
   * @throws NotFoundException if the folder is not the actor's
   * @throws InvalidInputException if {@code folder} is null
   */
  default FolderView folderView(FolderId folder) {
    InputRules.required("folder", folder);
    return folders().stream()
        .filter(view -> view.id().equals(folder))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("folder", folder.toString()));
  }

  /**
   * One page of a folder, newest first; All Messages is read like any other folder. Costs the same
   * whatever the size of the mailbox.
   *
   * @throws NotFoundException if the folder is not the actor's
   * @throws InvalidInputException for Drafts (read it with {@link #drafts(PageRequest)}) or a foreign cursor
   */
  FolderPage folder(FolderId folder, PageRequest page);

  /**
   * One page of a conversation, oldest first: the actor's copies in it, wherever they sit.
   *
   * @throws NotFoundException if the actor holds no message of the thread
   * @throws InvalidInputException for a foreign cursor
   */
  ThreadPage thread(ThreadId thread, PageRequest page);

  /**
   * Every message of a folder, newest first, read {@value InputRules#MAX_PAGE_SIZE} at a time as the
   * stream is consumed (each page is one call of {@link #folder(FolderId, PageRequest)}, so each costs
   * what a page costs). A message that arrives or is moved while the stream is read may or may not be
   * in it; none is listed twice.
   *
   * @throws NotFoundException if the folder is not the actor's (when the first page is read)
   * @throws InvalidInputException for Drafts (stream them with {@link #allDrafts()})
   */
  default Stream<MessageSummary> messagesIn(FolderId folder) {
    InputRules.required("folder", folder);
    return Paging.stream(PageRequest.first(InputRules.MAX_PAGE_SIZE), request -> {
      FolderPage page = folder(folder, request);
      return new Paging.Page<>(page.items(), page.next());
    });
  }

  /**
   * Every message of a conversation that the actor holds, oldest first, read a page at a time as the
   * stream is consumed (each page is one call of {@link #thread(ThreadId, PageRequest)}).
   *
   * @throws NotFoundException if the actor holds no message of the thread (when the first page is read)
   */
  default Stream<MessageSummary> messagesOf(ThreadId thread) {
    InputRules.required("thread", thread);
    return Paging.stream(PageRequest.first(InputRules.MAX_PAGE_SIZE), request -> {
      ThreadPage page = thread(thread, request);
      return new Paging.Page<>(page.items(), page.next());
    });
  }

  // ---------------------------------------------------------------- organising

  /**
   * Creates a custom folder. The name is trimmed, 1 to {@value InputRules#MAX_FOLDER_NAME_LENGTH}
   * characters, a valid {@linkplain InputRules#singleLine single-line text}, unique in the mailbox
   * ignoring case, and not the name of a system folder; names that look alike (the same UTS #39
   * confusable skeleton, such as "Inbox" with a Cyrillic I) count as the same name. A mailbox holds at
   * most 500 custom folders.
   *
   * @throws InvalidInputException if the name breaks a rule of shape or is, or looks like, a system
   *     folder's name
   * @throws ConflictException if another folder of the mailbox has that name or one that looks like it,
   *     or the mailbox already holds the most custom folders allowed
   */
  FolderView createFolder(String name);

  /**
   * Renames a custom folder, with the rules of {@link #createFolder(String)}.
   *
   * @throws NotFoundException if the folder is not the actor's
   * @throws InvalidInputException if the folder is a system folder or the name breaks a rule
   * @throws ConflictException if another folder of the mailbox has that name or one that looks like it
   */
  FolderView renameFolder(FolderId folder, String newName);

  /**
   * Deletes a custom folder; every message in it moves to Archive. Nothing is ever lost by a folder
   * operation.
   *
   * @throws NotFoundException if the folder is not the actor's
   * @throws InvalidInputException if the folder is a system folder
   */
  void deleteFolder(FolderId folder);

  /**
   * Moves messages, all or nothing. Moving only changes the actor's own view; the message itself is
   * immutable and stays in All Messages.
   *
   * @throws NotFoundException naming a message or the target that is not in the actor's mailbox
   * @throws IllegalMoveException naming every message that may not go to the target
   * @throws ConflictException if a message is not in the request's expected source folder
   */
  void move(MoveRequest request);

  // ---------------------------------------------------------------- auto-responder

  /** The actor's auto-responder settings; disabled until configured. */
  AutoResponderSettings autoResponder();

  /**
   * Saves the actor's auto-responder settings, starting the once-per-interval count afresh.
   *
   * @return the settings as saved
   */
  AutoResponderSettings configureAutoResponder(AutoResponderSettings settings);

  // ---------------------------------------------------------------- the record

  /**
   * Exports the actor's record: the entries in {@code scope}, each with its content, leaf hash and
   * inclusion proof, against a newly signed head of the record, with a consistency proof from the
   * head of every earlier export. The export is itself the record's next entry, so the head includes
   * it; the export is recorded only if the whole record proves itself (and the time-stamping authority,
   * if the host configured one, answered), in one transaction, like every other change.
   *
   * @throws InvalidInputException if {@code scope} is null
   * @throws RecordIntegrityException if the stored record was changed behind the library's back: an
   *     entry whose content no longer hashes to what was recorded or that is stored otherwise (it is
   *     named, as is the entry recording a row of evidence that cannot be read), a gap or an entry beyond
   *     the head, a head that disagrees with its entries, a message, first view, access event or export
   *     never recorded, an earlier export's head that is not signed by the record key or a former one.
   *     Nothing is exported or recorded then.
   */
  RecordExport exportRecord(RecordScope scope);

  /**
   * The actor's record as it is now, signed: its size and root. A host may publish heads (or hand them
   * to the other side) so that a later export can be checked against them; nothing is recorded.
   */
  SignedTreeHead recordHead();
}
