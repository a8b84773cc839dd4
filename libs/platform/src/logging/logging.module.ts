import type { IncomingMessage } from 'node:http';
import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { LoggerModule } from 'nestjs-pino';

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
              redact: {
                paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
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
