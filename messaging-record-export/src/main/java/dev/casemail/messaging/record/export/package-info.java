/**
 * A mailbox's record export written out: {@link dev.casemail.messaging.record.export.RecordManifest}
 * (the JSON manifest for machines, {@code docs/record-manifest.md}), {@link
 * dev.casemail.messaging.record.export.RecordPdf} (the Bates-numbered PDF for people, the manifest
 * embedded in it) and {@link dev.casemail.messaging.record.export.RecordExports} (both into a
 * directory in one call).
 */
package dev.casemail.messaging.record.export;
