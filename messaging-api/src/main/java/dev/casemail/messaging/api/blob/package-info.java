/**
 * The port where attachments' bytes are kept ({@link dev.casemail.messaging.api.blob.BlobStore}),
 * content-addressed by SHA-256 ({@link dev.casemail.messaging.api.blob.ContentHash}).
 */
package dev.casemail.messaging.api.blob;
