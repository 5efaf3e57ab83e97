package dev.casemail.messaging.core.application;

import static dev.casemail.messaging.api.InputRules.required;

import dev.casemail.messaging.api.AccessLinkView;
import dev.casemail.messaging.api.AutoResponderSettings;
import dev.casemail.messaging.api.CaseView;
import dev.casemail.messaging.api.DraftContent;
import dev.casemail.messaging.api.DraftId;
import dev.casemail.messaging.api.DraftPage;
import dev.casemail.messaging.api.DraftView;
import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.FolderPage;
import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.OpenedAttachment;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewMessage;
import dev.casemail.messaging.api.PageRequest;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.ParticipantView;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.RecipientGroup;
import dev.casemail.messaging.api.Reply;
import dev.casemail.messaging.api.SignedTreeHead;
import dev.casemail.messaging.api.ThreadId;
import dev.casemail.messaging.api.ThreadPage;
import dev.casemail.messaging.api.blob.ContentHash;
import java.util.List;
import java.util.Optional;

/** The API as one participant: checks arguments are present, then hands each call to its service. */
final class ActingParticipant implements ParticipantMessaging {

  private final ParticipantId actor;
  private final MessagingService services;

  ActingParticipant(ParticipantId actor, MessagingService services) {
    this.actor = actor;
    this.services = services;
  }

  @Override
  public ParticipantId participant() {
    return actor;
  }

  @Override
  public ParticipantView me() {
    return services.directory().participant(actor);
  }

  @Override
  public AccessLinkView requestAccess(ParticipantId counterpart) {
    return services.access.request(actor, required("counterpart", counterpart));
  }

  @Override
  public AccessLinkView approveAccess(ParticipantId requester) {
    return services.access.approve(actor, required("requester", requester));
  }

  @Override
  public AccessLinkView refuseAccess(ParticipantId requester) {
    return services.access.refuse(actor, required("requester", requester));
  }

  @Override
  public AccessLinkView blockAccess(ParticipantId requester) {
    return services.access.block(actor, required("requester", requester));
  }

  @Override
  public AccessLinkView withdrawAccessRequest(ParticipantId counterpart) {
    return services.access.withdraw(actor, required("counterpart", counterpart));
  }

  @Override
  public AccessLinkView removeAccess(ParticipantId counterpart) {
    return services.access.remove(actor, required("counterpart", counterpart));
  }

  @Override
  public List<AccessLinkView> accessLinks() {
    return services.access.links(actor);
  }

  @Override
  public AccessLinkView accessLink(ParticipantId counterpart) {
    return services.access.link(actor, required("counterpart", counterpart));
  }

  @Override
  public List<CaseView> cases() {
    return services.access.cases(actor);
  }

  @Override
  public List<RecipientGroup> recipients() {
    return services.access.recipients(actor);
  }

  @Override
  public MessageView send(NewMessage message) {
    return services.composer.send(actor, required("message", message));
  }

  @Override
  public MessageView reply(Reply reply) {
    return services.composer.reply(actor, required("reply", reply), false);
  }

  @Override
  public MessageView replyAll(Reply reply) {
    return services.composer.reply(actor, required("reply", reply), true);
  }

  @Override
  public DraftView saveDraft(DraftContent content) {
    return services.drafts.save(actor, required("content", content));
  }

  @Override
  public DraftView updateDraft(DraftId draft, long expectedVersion, DraftContent content) {
    return services.drafts.update(actor, required("draft", draft), expectedVersion, required("content", content));
  }

  @Override
  public void deleteDraft(DraftId draft) {
    services.drafts.delete(actor, required("draft", draft));
  }

  @Override
  public MessageView sendDraft(DraftId draft) {
    return services.drafts.send(actor, required("draft", draft));
  }

  @Override
  public DraftView draft(DraftId draft) {
    return services.drafts.get(actor, required("draft", draft));
  }

  @Override
  public DraftPage drafts(PageRequest page) {
    return services.drafts.page(actor, required("page", page));
  }

  @Override
  public MessageView open(MessageId message) {
    return services.reading.open(actor, required("message", message));
  }

  @Override
  public OpenedAttachment openAttachment(MessageId message, ContentHash hash) {
    return services.attachments.openInMessage(actor, required("message", message), required("hash", hash));
  }

  @Override
  public OpenedAttachment openDraftAttachment(DraftId draft, ContentHash hash) {
    return services.attachments.openInDraft(actor, required("draft", draft), required("hash", hash));
  }

  @Override
  public MessageView preview(MessageId message) {
    return services.reading.preview(actor, required("message", message));
  }

  @Override
  public List<FolderView> folders() {
    return services.folders.list(actor);
  }

  @Override
  public FolderPage folder(FolderId folder, PageRequest page) {
    return services.reading.folder(actor, required("folder", folder), required("page", page));
  }

  @Override
  public ThreadPage thread(ThreadId thread, PageRequest page) {
    return services.reading.thread(actor, required("thread", thread), required("page", page));
  }

  @Override
  public FolderView createFolder(String name) {
    return services.folders.create(actor, required("name", name));
  }

  @Override
  public FolderView renameFolder(FolderId folder, String newName) {
    return services.folders.rename(actor, required("folder", folder), required("name", newName));
  }

  @Override
  public void deleteFolder(FolderId folder) {
    services.folders.delete(actor, required("folder", folder));
  }

  @Override
  public void move(MoveRequest request) {
    services.folders.move(actor, required("request", request));
  }

  @Override
  public AutoResponderSettings autoResponder() {
    return services.autoResponder.get(actor);
  }

  @Override
  public AutoResponderSettings configureAutoResponder(AutoResponderSettings settings) {
    return services.autoResponder.configure(actor, required("settings", settings));
  }

  @Override
  public RecordExport exportRecord(RecordScope scope) {
    return services.record.export(actor, required("scope", scope), Optional.empty());
  }

  @Override
  public SignedTreeHead recordHead() {
    return services.record.head(actor);
  }

  @Override
  public String toString() {
    return "ParticipantMessaging[" + actor + "]";
  }
}
