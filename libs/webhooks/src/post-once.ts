import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import type { AttemptDeadline } from './attempt-deadline';
import { truncateResponseBody } from './truncate-response-body';

export interface PostResponse {
  responseStatus: number;
  /** At most `maxResponseBytes` of it, truncated. */
  responseBody: string;
  retryAfter: string | null;
}

/**
 * One POST through undici's dispatch API: no redirect is followed, the
 * deadline aborts it at any stage, and at most `maxResponseBytes` of the
 * response are kept (a receiver answering with megabytes must not cost us
 * memory; the connection is dropped instead of read to the end). The
 * dispatch API rather than `request()`: no response stream per attempt.
 */
export function postOnce(
  dispatcher: Dispatcher,
  url: URL,
  headers: Readonly<Record<string, string>>,
  body: Buffer,
  limits: { maxResponseBytes: number; deadline: AttemptDeadline },
): Promise<PostResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    let head: { status: number; retryAfter: string | null } = { status: 0, retryAfter: null };
    const finish = () => {
      if (settled) return;
      settled = true;
      const responseBody = truncateResponseBody(Buffer.concat(chunks), limits.maxResponseBytes);
      resolve({ responseStatus: head.status, responseBody, retryAfter: head.retryAfter });
    };
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    try {
      dispatcher.dispatch(
        { origin: url.origin, path: `${url.pathname}${url.search}`, method: 'POST', headers, body },
        {
          onRequestStart: (controller) => limits.deadline.onExpire((reason) => controller.abort(reason)),
          onResponseStart: (_controller, status, responseHeaders) => {
            head = { status, retryAfter: header(responseHeaders, 'retry-after') };
          },
          onResponseData: (controller, chunk) => {
            if (settled) return;
            chunks.push(chunk);
            size += chunk.length;
            if (size <= limits.maxResponseBytes) return;
            finish();
            controller.abort(new Error('response body past the kept size'));
          },
          onResponseEnd: finish,
          onResponseError: (_controller, error) => fail(error),
        },
      );
    } catch (error) {
      fail(error as Error);
    }
  });
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' ? value : (value?.[0] ?? null);
}
