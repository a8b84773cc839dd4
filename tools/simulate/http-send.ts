import type { HttpMethod } from './story-format';

export interface SentRequest {
  readonly method: HttpMethod;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** Sends SCIM requests to one directory's base URL with its bearer token. */
export function httpSender(baseUrl: string, token: string) {
  const base = baseUrl.replace(/\/+$/, '');
  return async (request: SentRequest): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: { ...request.headers, authorization: `Bearer ${token}` },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Not JSON (a proxy's error page): keep the text for the failure report.
    }
    return { status: response.status, body };
  };
}
