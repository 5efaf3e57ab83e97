package dev.casemail.messaging.api;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * When one recipient first opened a message, as its sender sees it.
 */
@Value.Immutable
public abstract class ReadReceipt {

  ReadReceipt() {}

/** The recipient. */
public abstract ParticipantView recipient();

/** When they first opened it; empty means never. Set once and never changed afterwards. */
public abstract Optional<Instant> firstViewedAt();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReadReceipt}. */
  public static final class Builder extends ImmutableReadReceipt.Builder {}
}
