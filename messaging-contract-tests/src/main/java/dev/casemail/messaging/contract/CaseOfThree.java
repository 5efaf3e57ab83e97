package dev.casemail.messaging.contract;

import dev.casemail.messaging.api.FolderId;
import dev.casemail.messaging.api.MessageId;
import dev.casemail.messaging.api.MessageSummary;
import dev.casemail.messaging.api.MessageView;
import dev.casemail.messaging.api.MoveRequest;
import dev.casemail.messaging.api.NewNotification;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.SystemFolder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One case where everyone may message everyone: a practitioner with approved access to both parents
 * of one family. The access requests and approvals leave one action item with each parent and two
 * with the practitioner.
 */
final class CaseOfThree {

  final World world;
  final ParticipantId practitioner;
  final ParticipantId mother;
  final ParticipantId father;

  private CaseOfThree(World world) {
    this.world = world;
    this.practitioner = world.practitioner("drlee");
    this.mother = world.parent("anna");
    this.father = world.parent("ben");
    world.family("f", mother, father);
    world.grant(practitioner, mother);
    world.grant(practitioner, father);
  }

  static CaseOfThree in(World world) {
    return new CaseOfThree(world);
  }

  MessageView send(ParticipantId from, String subject, ParticipantId... to) {
    return world.send(from, subject, "About " + subject, to);
  }

  MessageId notify(ParticipantId recipient, String subject) {
    return world.messaging.postNotification(
        NewNotification.builder().recipient(recipient).subject(subject).body("Shared with you").build());
  }

  /** The first action item of the owner's Action Items. */
  MessageId actionItem(ParticipantId owner) {
    return world.list(owner, SystemFolder.ACTION_ITEMS).get(0).id();
  }

  void move(ParticipantId owner, MessageId message, FolderId target) {
    world.as(owner).move(MoveRequest.of(message, target));
  }

  void move(ParticipantId owner, MessageId message, SystemFolder target) {
    move(owner, message, target.id());
  }

  /** Where the owner's copy of the message sits now. */
  FolderId folderOf(ParticipantId owner, MessageId message) {
    return world.as(owner).preview(message).folder();
  }

  /** The ids in one of the owner's folders, newest first. */
  List<MessageId> ids(ParticipantId owner, FolderId folder) {
    return world.list(owner, folder).stream().map(MessageSummary::id).collect(Collectors.toList());
  }

  List<MessageId> ids(ParticipantId owner, SystemFolder folder) {
    return ids(owner, folder.id());
  }

  ParticipantId[] everyone() {
    return new ParticipantId[] {practitioner, mother, father};
  }
}
