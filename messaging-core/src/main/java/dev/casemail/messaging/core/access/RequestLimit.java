package dev.casemail.messaging.core.access;

import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.LimitExceededException;
import dev.casemail.messaging.api.ParticipantId;
import dev.casemail.messaging.api.config.MessagingConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How often one requester may ask one participant for access: at most {@code requests} requests in
 * any {@code period}. It bounds the action items a requester who is never approved can post into the
 * other side's mailbox, and how long a link's history grows.
 */
public record RequestLimit(int requests, Duration period) {

  /** The default: 3 requests per 30 days. */
  public static final RequestLimit DEFAULT = new RequestLimit(3, Duration.ofDays(30));

  /**
   * A limit within the ranges {@link MessagingConfiguration} allows.
   *
   * @throws InvalidInputException unless 1 to 1000 requests in a period of 1 minute to 3660 days
   */
  public RequestLimit {
    Objects.requireNonNull(period, "period");
    if (requests < 1 || requests > MessagingConfiguration.MAX_ACCESS_REQUEST_LIMIT) {
      throw new InvalidInputException("accessRequestLimit", "must be from 1 to 1000 (was " + requests + ")");
    }
    if (period.compareTo(MessagingConfiguration.MIN_ACCESS_REQUEST_PERIOD) < 0
        || period.compareTo(MessagingConfiguration.MAX_ACCESS_REQUEST_PERIOD) > 0) {
      throw new InvalidInputException("accessRequestPeriod", "must be from 1 minute to 3660 days (was " + period + ")");
    }
  }

  /**
   * Refuses one more request at {@code now} if the requester's latest {@link #requests()} requests
   * all fall within the period before it.
   *
   * @param latest when the requester last asked, newest first
   * @throws LimitExceededException if the limit is reached
   */
  public void check(ParticipantId counterpart, List<Instant> latest, Instant now) {
    if (latest.size() < requests) {
      return;
    }
    Instant oldestCounted = latest.get(requests - 1);
    Instant allowedAgain = oldestCounted.plus(period);
    if (now.isBefore(allowedAgain)) {
      throw new LimitExceededException(
          "accessRequests",
          "at most " + requests + " access requests to " + counterpart + " per " + describe(period)
              + "; the next one is allowed from " + allowedAgain,
          Optional.of(allowedAgain));
    }
  }

  private static String describe(Duration period) {
    if (period.toHours() % 24 == 0 && period.toDays() > 0 && period.equals(Duration.ofDays(period.toDays()))) {
      return period.toDays() == 1 ? "day" : period.toDays() + " days";
    }
    return period.toString();
  }
}
