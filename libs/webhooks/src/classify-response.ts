import { STATUS_CODES } from 'node:http';
import type { DeliveryFailure } from './delivery-failure';
import { DestinationRefusedError } from './destination-refused.error';

/** What one attempt amounted to, with a one-line summary for the delivery log. */
export type DeliveryOutcome =
  { ok: true; status: number; summary: string } | { ok: false; failure: DeliveryFailure; summary: string };

const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

const NETWORK_CODES: Readonly<Record<string, string>> = {
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed temporarily',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed while sending',
};

/**
 * Any 2xx is success. Everything else fails, 3xx included: following a
 * redirect would let a receiver point us at an address the guard never saw.
 */
export function classifyResponse(status: number): DeliveryOutcome {
  const label = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`;
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    return { ok: false, failure: { kind: 'http', status }, summary: `invalid HTTP status ${status}` };
  }
  if (status >= 200 && status < 300) return { ok: true, status, summary: label };
  const note = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
  return { ok: false, failure: { kind: 'http', status }, summary: `${label}${note}` };
}

/** Classifies an error thrown before a response arrived (including fetch's wrapped causes). */
export function classifyError(error: unknown): DeliveryOutcome {
  const chain = causeChain(error);
  const refused = chain.find((link) => link instanceof DestinationRefusedError);
  if (refused) {
    return {
      ok: false,
      failure: { kind: 'refused', reason: refused.reason },
      summary: `destination refused: ${refused.message}`,
    };
  }
  if (chain.some(isTimeout)) return { ok: false, failure: { kind: 'timeout' }, summary: 'timed out' };
  const code = chain.map(errorCode).find((candidate) => candidate !== undefined);
  const described = code === undefined ? undefined : NETWORK_CODES[code];
  const message = messageOf(chain[0]) ?? String(error);
  const summary = described ? `${described} (${code})` : `network error: ${message || code || 'unknown'}`;
  return { ok: false, failure: code === undefined ? { kind: 'network' } : { kind: 'network', code }, summary };
}

function isTimeout(error: unknown): boolean {
  const code = errorCode(error);
  return stringProperty(error, 'name') === 'TimeoutError' || (code !== undefined && TIMEOUT_CODES.has(code));
}

function errorCode(error: unknown): string | undefined {
  return stringProperty(error, 'code');
}

function messageOf(error: unknown): string | undefined {
  return stringProperty(error, 'message');
}

// Duck-typed rather than instanceof: DOMException and errors from other
// realms (vm contexts, worker threads) are not instances of our Error.
function stringProperty(value: unknown, key: 'code' | 'name' | 'message'): string | undefined {
  const property = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof property === 'string' ? property : undefined;
}

// fetch() throws TypeError('fetch failed') with the socket error as its cause.
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (
    let link = error;
    link !== undefined && link !== null && chain.length < 8;
    link = (link as { cause?: unknown }).cause
  ) {
    chain.push(link);
    if (typeof link !== 'object') break;
  }
  return chain;
}
