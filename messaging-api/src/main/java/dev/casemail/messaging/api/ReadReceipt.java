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

  /**
   * Builds a {@link ReadReceipt}. Every method refuses a null with an {@link InvalidInputException} naming
   * the field and leaves the builder as it was, except the setters of an optional value that take the
   * value itself, which take null as "absent".
   */
  public static final class Builder {
    private final ImmutableReadReceipt.Builder values = new ImmutableReadReceipt.Builder();

    /** An empty builder, as {@link ReadReceipt#builder()} returns. */
    public Builder() {}

    /** Copies every value of {@code readReceipt}. @throws InvalidInputException if it is null */
    public Builder from(ReadReceipt readReceipt) {
      values.from(InputRules.required("readReceipt", readReceipt));
      return this;
    }

    /** Sets {@link ReadReceipt#recipient()}. @throws InvalidInputException if it is null */
    public Builder recipient(ParticipantView recipient) {
      values.recipient(InputRules.required("recipient", recipient));
      return this;
    }

    /** Sets {@link ReadReceipt#firstViewedAt()}; null means absent. */
    public Builder firstViewedAt(Instant firstViewedAt) {
      values.firstViewedAt(firstViewedAt);
      return this;
    }

    /** Sets or clears {@link ReadReceipt#firstViewedAt()}. @throws InvalidInputException if the optional itself is null */
    public Builder firstViewedAt(Optional<? extends Instant> firstViewedAt) {
      values.firstViewedAt(Arguments.optional("firstViewedAt", firstViewedAt));
      return this;
    }

    /** The readReceipt. */
    public ReadReceipt build() {
      return values.build();
    }
  }
}
