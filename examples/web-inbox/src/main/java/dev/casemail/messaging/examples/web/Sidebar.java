package dev.casemail.messaging.examples.web;

import dev.casemail.messaging.api.FolderView;
import dev.casemail.messaging.api.ParticipantMessaging;
import java.util.List;

/**
 * The folder list beside every page, read from the library only when the page is rendered, after the
 * page's own call: so the counts of a message page already count the message just opened as read.
 * Public because the templates read it (Spring's expression language calls public methods only).
 */
public final class Sidebar {

  private final ParticipantMessaging mailbox;
  private List<FolderView> folders;

  Sidebar(ParticipantMessaging mailbox) {
    this.mailbox = mailbox;
  }

  /** The system folders in their fixed order, with their counts. */
  public List<FolderView> systemFolders() {
    return folders().stream().filter(folder -> !folder.isCustom()).toList();
  }

  /** The custom folders by name, with their counts. */
  public List<FolderView> customFolders() {
    return folders().stream().filter(FolderView::isCustom).toList();
  }

  private List<FolderView> folders() {
    if (folders == null) {
      folders = mailbox.folders();
    }
    return folders;
  }
}
