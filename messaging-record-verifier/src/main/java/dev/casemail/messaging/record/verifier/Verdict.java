package dev.casemail.messaging.record.verifier;

import java.util.Objects;
import java.util.Optional;

/**
 * What a verification found: every check passed, or the first that failed, with the one line the command
 * prints ({@code OK: …} or {@code FAILED: …}).
 *
 * @param failedCheck the check that failed; empty when the export verified
 * @param failedEntry the index of the entry the failure is about, if it is about one
 * @param summary the one line that says it all, starting with {@code OK: } or {@code FAILED: }
 */
public record Verdict(Optional<Check> failedCheck, Optional<Long> failedEntry, String summary) {

  /** The command's exit code when every check passed. */
  public static final int VERIFIED = 0;
  /** The command's exit code when a check failed. */
  public static final int FAILED = 1;

  /** @throws NullPointerException if a part is null */
  public Verdict {
    Objects.requireNonNull(failedCheck, "failedCheck");
    Objects.requireNonNull(failedEntry, "failedEntry");
    Objects.requireNonNull(summary, "summary");
  }

  static Verdict verified(String summary) {
    return new Verdict(Optional.empty(), Optional.empty(), "OK: " + summary);
  }

  static Verdict failed(Check check, Optional<Long> entry, String reason) {
    return new Verdict(Optional.of(check), entry, "FAILED: " + reason);
  }

  /** Whether every check passed. */
  public boolean verified() {
    return failedCheck.isEmpty();
  }

  /** {@link #VERIFIED} or {@link #FAILED}. */
  public int exitCode() {
    return verified() ? VERIFIED : FAILED;
  }
}
