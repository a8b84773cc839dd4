import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AppConfig, ConfigError, loadConfig, resolveEncryptionKey } from '@roster/config';

/**
 * The body of every app's main.ts: validate the configuration (exit with a message
 * naming the bad variable), build the app, listen.
 */
export async function runApp(
  create: (config: AppConfig) => Promise<NestFastifyApplication>,
  port: (config: AppConfig) => number,
): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
    config.encryptionKey = resolveEncryptionKey(config);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(78); // EX_CONFIG
  }
  const app = await create(config);
  await app.listen({ port: port(config), host: config.host });
}
