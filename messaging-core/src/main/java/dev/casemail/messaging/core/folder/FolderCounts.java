package dev.casemail.messaging.core.folder;

/** How many copies a folder holds and how many of them are unread. */
public record FolderCounts(long total, long unread) {

  public static final FolderCounts NONE = new FolderCounts(0, 0);

  public FolderCounts {
    if (total < 0 || unread < 0 || unread > total) {
      throw new IllegalArgumentException("impossible counts: total " + total + ", unread " + unread);
    }
  }
}
