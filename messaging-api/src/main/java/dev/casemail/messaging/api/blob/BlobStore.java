package dev.casemail.messaging.api.blob;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where attachments' bytes are kept: a port a host may implement or choose (the library has one in
 * memory, one on the JDBC adapter's database, in chunks, and one in a directory of the file system).
 * Content is addressed by its SHA-256 ({@link ContentHash}) and kept once, however many messages and
 * mailboxes carry it. Content always moves as a stream: no implementation holds a whole file in memory
 * (the in-memory one aside, whose memory is the store).
 *
 * <p>Content is put before the message that carries it is stored, in the store's own transaction, so
 * that a large upload never holds a mailbox's lock. Content that no message or draft refers to (an
 * upload whose send was refused, or failed) is an orphan until the library's clean-up removes it: the
 * clean-up lists what was last put before a cutoff ({@link #storedBefore}), keeps what a message or a
 * draft refers to, and deletes the rest with {@link #deleteIfStoredBefore}, which leaves alone what
 * was put again since. Nothing else ever deletes content: a message is kept forever, and so is every
 * file it carries.
 *
 * <p>Implementations must be thread-safe; several service instances may share one store. A failure of
 * the store itself is thrown as a {@link dev.casemail.messaging.api.StorageException}.
 */
public interface BlobStore {

  /**
   * Reads {@code content} to its end and keeps its bytes under their SHA-256, streaming them: at no
   * time is more than a bounded buffer of them in memory. When the same bytes are kept already, they
   * are kept once and their time of last storing becomes {@code at}. Does not close {@code content}.
   *
   * <p>All or nothing: when reading fails, the content is longer than {@code maxBytes}, or the store
   * fails, nothing of it is kept (a half-written content is never visible, nor left to the clean-up
   * to find).
   *
   * @param maxBytes the most bytes the content may have, at least 0
   * @param at the time of storing, which the clean-up compares with its cutoff
   * @throws dev.casemail.messaging.api.LimitExceededException (limit {@code "attachmentSize"}) when the
   *     content has more than {@code maxBytes} bytes; it stops reading at the first byte past them
   * @throws java.io.UncheckedIOException when reading {@code content} fails
   */
  StoredBlob put(InputStream content, long maxBytes, Instant at);

  /**
   * The content kept under {@code hash}, as a stream the caller closes; empty when none is. The stream
   * reads the content in bounded pieces, and may be read while other content is put.
   */
  Optional<InputStream> open(ContentHash hash);

  /** Whether content is kept under {@code hash}. */
  boolean contains(ContentHash hash);

  /**
   * At most {@code limit} hashes of content whose time of last storing is before {@code cutoff}, in no
   * particular order: the clean-up's candidates.
   */
  List<ContentHash> storedBefore(Instant cutoff, int limit);

  /**
   * Deletes the content kept under {@code hash} if its time of last storing is still before
   * {@code cutoff}, and says whether it did; content put again since is kept.
   */
  boolean deleteIfStoredBefore(ContentHash hash, Instant cutoff);
}
