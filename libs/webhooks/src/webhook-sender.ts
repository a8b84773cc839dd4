import { Agent as HttpAgent, type IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { classifyError, classifyResponse, type DeliveryOutcome } from './classify-response';
import { assertPublicDestination, createGuardedLookup, type LookupAll, type ResolveHost, resolveWithSystem } from './destination-guard';
import { DestinationRefusedError } from './destination-refused.error';
import { DEFAULT_RESPONSE_BODY_BYTES, truncateResponseBody } from './truncate-response-body';
import { validateWebhookUrl } from './validate-webhook-url';

export interface WebhookSenderOptions {
  /** The whole attempt, DNS to last body byte (CONTRACT: 10 s). */
  timeoutMs: number;
  /** ROSTER_WEBHOOK_ALLOW_PRIVATE: skip the SSRF guard (tests, local development). */
  allowPrivate: boolean;
  /** How much of a response body is kept for the delivery log. */
  maxResponseBytes?: number;
  /** The resolver; dns.lookup unless a test injects one. */
  lookup?: LookupAll;
}

export interface SentWebhook {
  outcome: DeliveryOutcome;
  /** Null when no response arrived (refused, timeout, network error). */
  responseStatus: number | null;
  responseBody: string | null;
  /** The raw `Retry-After` header, for the retry schedule. */
  retryAfter: string | null;
  durationMs: number;
}

/**
 * POSTs signed webhooks. Every destination is checked before connecting and
 * again at connect time (createGuardedLookup, against DNS rebinding);
 * redirects are never followed (plain http.request does not), and the
 * attempt is cut at `timeoutMs` whatever stage it is in. Connections are kept
 * alive per sender so a busy endpoint is not re-handshaken on every event.
 */
export class WebhookSender {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;
  private readonly resolve: ResolveHost;

  constructor(private readonly options: WebhookSenderOptions) {
    const lookup = createGuardedLookup({ allowPrivate: options.allowPrivate, lookup: options.lookup });
    this.http = new HttpAgent({ keepAlive: true, lookup } as ConstructorParameters<typeof HttpAgent>[0]);
    this.https = new HttpsAgent({ keepAlive: true, lookup } as ConstructorParameters<typeof HttpsAgent>[0]);
    this.resolve = options.lookup ? resolverFrom(options.lookup) : resolveWithSystem;
  }

  async send(url: string, headers: Readonly<Record<string, string>>, body: string): Promise<SentWebhook> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(timeoutError(this.options.timeoutMs)), this.options.timeoutMs);
    try {
      const target = await Promise.race([this.checkDestination(url), rejectOnAbort(deadline.signal)]);
      const response = await this.post(target, headers, body, deadline.signal);
      return { ...response, outcome: classifyResponse(response.responseStatus), durationMs: elapsed() };
    } catch (error) {
      return { outcome: classifyError(error), responseStatus: null, responseBody: null, retryAfter: null, durationMs: elapsed() };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends idle kept-alive connections. */
  close(): void {
    this.http.destroy();
    this.https.destroy();
  }

  private async checkDestination(url: string): Promise<URL> {
    const policy = { allowPrivate: this.options.allowPrivate };
    const check = validateWebhookUrl(url, policy);
    if (!check.ok) throw new DestinationRefusedError(check.reason, check.message);
    await assertPublicDestination(check.url.hostname, this.resolve, policy);
    return check.url;
  }

  private post(
    url: URL,
    headers: Readonly<Record<string, string>>,
    body: string,
    signal: AbortSignal,
  ): Promise<{ responseStatus: number; responseBody: string; retryAfter: string | null }> {
    const bytes = Buffer.from(body, 'utf8');
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const agent = url.protocol === 'https:' ? this.https : this.http;
    return new Promise((resolve, reject) => {
      const request = send(url, {
        method: 'POST',
        agent,
        signal,
        headers: { 'user-agent': 'Roster-Webhooks/1', ...headers, 'content-length': String(bytes.length) },
      });
      request.once('error', (error) => reject(signal.aborted ? signal.reason : error));
      request.once('response', (response) => {
        readBounded(response, this.options.maxResponseBytes ?? DEFAULT_RESPONSE_BODY_BYTES).then(
          (responseBody) => resolve({ responseStatus: response.statusCode ?? 0, responseBody, retryAfter: header(response, 'retry-after') }),
          (error: unknown) => reject(signal.aborted ? signal.reason : error),
        );
      });
      request.end(bytes);
    });
  }
}

// Reads at most maxBytes (plus one chunk) of the body: a receiver answering
// with megabytes must not cost us memory; the rest is discarded with the socket.
function readBounded(response: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => resolve(truncateResponseBody(Buffer.concat(chunks), maxBytes));
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        finish();
      }
    });
    response.once('end', finish);
    response.once('error', reject);
  });
}

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return typeof value === 'string' ? value : (value?.[0] ?? null);
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

function timeoutError(timeoutMs: number): Error {
  return Object.assign(new Error(`no complete answer within ${timeoutMs} ms`), { name: 'TimeoutError', code: 'ETIMEDOUT' });
}

function resolverFrom(lookup: LookupAll): ResolveHost {
  return (hostname) =>
    new Promise((resolve, reject) =>
      lookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
        error ? reject(error) : resolve(addresses.map((entry) => entry.address)),
      ),
    );
}
