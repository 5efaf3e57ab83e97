package dev.casemail.messaging.api;

import java.security.PublicKey;

/**
 * Signs the heads of mailboxes' records: the host's key, given in the library's configuration (a key
 * in a file, a key store, a hardware security module behind this interface). The library's default
 * signs with Ed25519 through the JDK.
 *
 * <p>Implementations must be thread-safe.
 */
public interface RecordSigner {

  /** The signature algorithm, as a verifier names it (e.g. {@code Ed25519}). */
  String algorithm();

  /** The public key a verifier checks the signatures with. */
  PublicKey publicKey();

  /** Signs {@code message}. */
  byte[] sign(byte[] message);
}
