/**
 * The offline verifier of record exports, the command a court's expert runs ({@code java -jar
 * casemail-record-verifier.jar verify EXPORT --key PUBLIC.pem}, {@link
 * dev.casemail.messaging.record.verifier.VerifierCommand}) and the same checks as a small API ({@link
 * dev.casemail.messaging.record.verifier.RecordVerifier}, giving a {@link
 * dev.casemail.messaging.record.verifier.Verdict}). What it checks, in which order, and its exit codes
 * are in {@code docs/record-verifier.md}.
 */
package dev.casemail.messaging.record.verifier;
