/**
 * The record a court can check: each mailbox's append-only log of what entered it (messages, first
 * views, access events, exports), its canonical encoding, its RFC 9162 Merkle tree with proofs, and
 * its signed heads.
 */
package dev.casemail.messaging.core.record;
