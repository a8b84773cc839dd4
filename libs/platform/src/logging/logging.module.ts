import type { IncomingMessage } from 'node:http';
import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { LoggerModule } from 'nestjs-pino';
import { redactUrl } from './redact-url';

const QUIET_ROUTES = /^\/(health|metrics)(\/|$)/;

/**
 * Structured JSON logs (pino) with a request id on every line (pino-http reads the
 * id Fastify assigned, see request-id.ts); credentials redacted.
 */
@Module({})
export class LoggingModule {
  static forRoot(app: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            forRoutes: [{ path: '*', method: RequestMethod.ALL }],
            pinoHttp: {
              name: app,
              level: config.logLevel,
              // URLs and query strings can carry secrets too (the portal link's one-time token).
              serializers: { req: (req: { url?: string }) => ({ ...req, url: redactUrl(req.url) }) },
              redact: {
                paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'req.query.token'],
                censor: '[redacted]',
              },
              autoLogging: { ignore: (req: IncomingMessage) => QUIET_ROUTES.test(req.url ?? '') },
            },
          }),
        }),
      ],
    };
  }
}
