import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@roster/config';

/** A fetch Response whose json() is untyped, as test assertions want it. */
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<any> };

export interface RunningApp {
  app: NestFastifyApplication;
  url: string;
  /** fetch() against the app, with an optional bearer token and JSON body. */
  request(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<TestResponse>;
  close(): Promise<void>;
}

/** Starts an app on a free port of 127.0.0.1, exactly as main.ts builds it. */
export async function startApp(
  create: (config: AppConfig) => Promise<NestFastifyApplication>,
  config: AppConfig,
): Promise<RunningApp> {
  const app = await create(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    url,
    request: (method, path, options = {}) =>
      fetch(`${url}${path}`, {
        method,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      }),
    close: () => app.close(),
  };
}
