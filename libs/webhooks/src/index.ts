export { type AddressClass, classifyAddress, isPublicAddress } from './classify-address';
export { classifyError, classifyResponse, type DeliveryOutcome } from './classify-response';
export type { DeliveryFailure, DeliveryFailureKind } from './delivery-failure';
export {
  assertPublicDestination,
  createGuardedLookup,
  type GuardedLookupOptions,
  type LookupAll,
  normaliseHost,
  type ResolveHost,
  resolveWithSystem,
} from './destination-guard';
export { type DestinationRefusal, DestinationRefusedError } from './destination-refused.error';
export { parseRetryAfter } from './retry-after';
export {
  JITTER_RATIO,
  nextRetry,
  type RetryDecision,
  type RetryInput,
  retryWindowMs,
  shouldDisableEndpoint,
} from './retry-schedule';
export {
  buildWebhookHeaders,
  SIGNATURE_VERSION,
  signPayload,
  type SignPayloadInput,
  type WebhookBody,
  type WebhookHeaders,
} from './sign-payload';
export { DEFAULT_RESPONSE_BODY_BYTES, truncateResponseBody } from './truncate-response-body';
export { type DestinationPolicy, type UrlCheck, validateWebhookUrl } from './validate-webhook-url';
export {
  type ReceivedHeaders,
  type VerificationFailure,
  type VerifiedWebhook,
  verifyPayload,
  type VerifyOptions,
  WebhookVerificationError,
} from './verify-payload';
export {
  decodeWebhookSecret,
  generateWebhookSecret,
  WEBHOOK_SECRET_PREFIX,
  WebhookSecretError,
} from './webhook-secret';
export { type EndpointSubscription, endpointWantsEvent, type EventScope } from './endpoint-filter';
export { type SentWebhook, WebhookSender, type WebhookSenderOptions } from './webhook-sender';
