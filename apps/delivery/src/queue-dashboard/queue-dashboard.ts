import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiKeyVerifier } from '@roster/platform';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const QUEUE_DASHBOARD_PATH = '/queues';

/**
 * Bull Board at /queues: the delivery queues' jobs, retries and failures, for
 * operators. Browsers get a Basic-auth prompt whose password is an API key
 * (any user name); scripts may send the key as a bearer token.
 */
export async function mountQueueDashboard(app: NestFastifyApplication, queueNames: readonly string[]): Promise<void> {
  const board = new FastifyAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queueNames.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Roster queues' } },
  });
  const verifier = app.get(ApiKeyVerifier, { strict: false });
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', (request, reply) => authenticate(verifier, request, reply));
    await scope.register(board.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}

async function authenticate(verifier: ApiKeyVerifier, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const key = apiKeyOf(request.headers.authorization);
  if (key && (await verifier.verify(key))) return;
  await reply
    .status(401)
    .header('www-authenticate', 'Basic realm="Roster queues", charset="UTF-8"')
    .send({ error: { code: 'unauthorized', message: 'Sign in with an API key as the password.' } });
}

function apiKeyOf(header: string | undefined): string | undefined {
  const [scheme, value] = header?.split(' ') ?? [];
  if (!value) return undefined;
  if (/^bearer$/i.test(scheme ?? '')) return value;
  if (!/^basic$/i.test(scheme ?? '')) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1) || undefined;
}
