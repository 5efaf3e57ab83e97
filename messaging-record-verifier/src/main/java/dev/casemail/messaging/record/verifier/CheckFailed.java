package dev.casemail.messaging.record.verifier;

import java.util.Optional;

/** A check failed: ends the verification with its reason (internal control flow, never thrown out). */
final class CheckFailed extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Check check;
  private final transient Optional<Long> entry;

  CheckFailed(Check check, String reason) {
    this(check, Optional.empty(), reason);
  }

  CheckFailed(Check check, long entry, String reason) {
    this(check, Optional.of(entry), reason);
  }

  private CheckFailed(Check check, Optional<Long> entry, String reason) {
    super(reason, null, false, false);
    this.check = check;
    this.entry = entry;
  }

  Verdict verdict() {
    return Verdict.failed(check, entry, getMessage());
  }
}
