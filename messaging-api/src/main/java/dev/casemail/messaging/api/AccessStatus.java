package dev.casemail.messaging.api;

/**
 * The status of professional access between one practitioner and one parent.
 *
 * <pre>
 * REQUESTED -&gt; APPROVED | REFUSED | BLOCKED   (by the side that was asked)
 * REQUESTED -&gt; WITHDRAWN                      (by the side that asked)
 * APPROVED  -&gt; REMOVED                        (by either side)
 * </pre>
 *
 * After REFUSED, WITHDRAWN or REMOVED either side may request again. After BLOCKED the blocked
 * requester may not; the side that blocked may still send a request of its own.
 */
public enum AccessStatus {
  /** Asked for, not yet answered. */
  REQUESTED,
  /** Granted: the two may message each other. */
  APPROVED,
  /** Declined; a new request may follow. */
  REFUSED,
  /** Declined, and the requester may not ask again. */
  BLOCKED,
  /** Taken back by the requester before an answer. */
  WITHDRAWN,
  /** Granted once, then ended by either side; the history already exchanged stays. */
  REMOVED
}
