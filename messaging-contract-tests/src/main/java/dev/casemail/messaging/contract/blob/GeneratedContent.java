package dev.casemail.messaging.contract.blob;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code size} bytes of a xorshift generator, the same for the same seed, made as they are read (a
 * large content that no test holds in memory or keeps in the repository), breaking off with an
 * {@link IOException} at {@code failAt} (-1: never), as an upload that fails half-way.
 */
public final class GeneratedContent extends InputStream {
  private final long size;
  private final long failAt;
  private long state;
  private long position;

  public GeneratedContent(long size, long seed, long failAt) {
    this.size = size;
    this.failAt = failAt;
    this.state = seed * 0x9E3779B97F4A7C15L + 1;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (failAt >= 0 && position >= failAt) {
      throw new IOException("the upload broke off at byte " + position);
    }
    if (position >= size) {
      return -1;
    }
    long end = Math.min(size, position + len);
    if (failAt >= 0) {
      end = Math.min(end, failAt);
    }
    int n = (int) (end - position);
    for (int i = 0; i < n; i++) {
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      b[off + i] = (byte) state;
    }
    position += n;
    return n;
  }
}
