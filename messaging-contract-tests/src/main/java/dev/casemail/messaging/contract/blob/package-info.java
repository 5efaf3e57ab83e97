/**
 * The contract of every {@link dev.casemail.messaging.api.blob.BlobStore}, which each store's tests
 * implement in a few lines ({@link dev.casemail.messaging.contract.blob.BlobStoreContract}).
 */
package dev.casemail.messaging.contract.blob;
