package dev.casemail.messaging.core.paging;

/**
 * The secret that authenticates page cursors (a storage port): the same for every service instance
 * on one storage, so that a cursor one instance issued is accepted by every other and by none
 * elsewhere.
 */
public interface CursorSecrets {

  /** At least 32 random bytes, created by the first call that needs them and kept from then on. */
  byte[] cursorSecret();
}
