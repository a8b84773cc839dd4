import { request } from 'undici';

/** An HTTP answer with its parsed JSON body and how long it took (ms). */
export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  ms: number;
}

/**
 * One JSON request with a bearer token; never throws on an HTTP error status.
 * undici's request rather than fetch: the load generator shares the 2 cores
 * with the apps it measures, and fetch costs it about twice the CPU per call.
 */
export async function requestJson<T = unknown>(
  method: string,
  url: string,
  token: string,
  body?: unknown,
): Promise<JsonResponse<T>> {
  const started = performance.now();
  const response = await request(url, {
    method: method as 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.body.text();
  const ms = performance.now() - started;
  return { status: response.statusCode, body: (text ? JSON.parse(text) : null) as T, ms };
}

/** Like requestJson, but a status outside 2xx is an error naming the call. */
export async function expectOk<T = unknown>(
  method: string,
  url: string,
  token: string,
  body?: unknown,
): Promise<JsonResponse<T>> {
  const response = await requestJson<T>(method, url, token, body);
  if (response.status < 200 || response.status > 299) {
    throw new Error(`${method} ${url} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 500)}`);
  }
  return response;
}
