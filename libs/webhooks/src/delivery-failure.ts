/**
 * Why one delivery attempt failed. Produced by classifyResponse/classifyError,
 * consumed by nextRetry. Every kind is retried until the schedule runs out:
 * the contract promises about three days of retries for any failure.
 */
export type DeliveryFailure =
  /** The receiver answered, but not with a 2xx (3xx included: redirects are not followed). */
  | { kind: 'http'; status: number }
  /** No complete response within the attempt's time limit. */
  | { kind: 'timeout' }
  /** DNS, TCP or TLS failed before a response; `code` is the Node error code when there is one. */
  | { kind: 'network'; code?: string }
  /** The destination guard refused to connect (private address, unsafe URL). */
  | { kind: 'refused'; reason: string };

export type DeliveryFailureKind = DeliveryFailure['kind'];
