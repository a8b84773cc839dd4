import type { AddressClass } from './classify-address';

/** Why a webhook destination may not be used. */
export type DestinationRefusal =
  | 'invalid_url'
  | 'unsupported_protocol'
  | 'credentials_in_url'
  | 'missing_host'
  | 'invalid_host'
  | 'non_public_address'
  | 'no_addresses';

/**
 * Thrown by the destination guard. Carries a Node-style `code` so it travels
 * through http.request's error path like any socket error and is still
 * recognisable by classifyError.
 */
export class DestinationRefusedError extends Error {
  override readonly name = 'DestinationRefusedError';
  readonly code = 'ERR_WEBHOOK_DESTINATION_REFUSED';

  constructor(
    readonly reason: DestinationRefusal,
    message: string,
    readonly address?: string,
    readonly addressClass?: AddressClass,
  ) {
    super(message);
  }
}
