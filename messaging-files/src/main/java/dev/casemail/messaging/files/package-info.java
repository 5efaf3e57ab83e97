/**
 * Attachments' bytes in a directory of the file system
 * ({@link dev.casemail.messaging.files.FileSystemBlobStore}).
 */
package dev.casemail.messaging.files;
