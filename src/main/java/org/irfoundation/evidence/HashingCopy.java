package org.irfoundation.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Copies a stream in 64 KiB steps, computing SHA-256 over exactly the bytes written and counting them. */
final class HashingCopy {

  static final int BUFFER = 64 * 1024;

  record Result(long size, byte[] sha256) {
    String hex() {
      return HexFormat.of().formatHex(sha256);
    }

    String base64() {
      return Base64.getEncoder().encodeToString(sha256);
    }
  }

  private HashingCopy() {}

  /** Copies {@code in} to {@code out}; fails with {@link EvidenceStore.TooLargeException} past {@code maxBytes}. */
  static Result copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
    MessageDigest digest = sha256();
    DigestOutputStream hashed = new DigestOutputStream(out, digest);
    byte[] buffer = new byte[BUFFER];
    long size = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      size += n;
      if (size > maxBytes) {
        throw new EvidenceStore.TooLargeException(maxBytes);
      }
      hashed.write(buffer, 0, n);
    }
    hashed.flush();
    return new Result(size, digest.digest());
  }

  /** SHA-256 of everything {@code in} still has. */
  static Result hash(InputStream in) throws IOException {
    return copy(in, OutputStream.nullOutputStream(), Long.MAX_VALUE);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
