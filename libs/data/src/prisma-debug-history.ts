import { createRequire } from 'node:module';
import { Debug as ClientDebug } from '@prisma/client/runtime/client';

type DebugFactory = typeof ClientDebug;

// @prisma/debug keeps the arguments of its last 100 calls, printed or not, for
// Prisma's error reports. There are two copies: the client runtime's (it holds
// each query's serialized parameters) and the one the pg adapter loads (the
// parameters again). After big batch writes, a 500-user insert or 1,000
// membership events, that is tens of MB of heap nothing else refers to.
const ARGS_HISTORY = 100;
const NAMESPACE = 'roster:forget-query-args';

const fillers = [ClientDebug, adapterDebug()]
  .filter((debug): debug is DebugFactory => debug !== null)
  .map((debug) => ({ debug, log: debug(NAMESPACE) }));

/**
 * Pushes the arguments of past queries out of Prisma's debug history, so that
 * a long job does not keep its big statements after they ran. Skipped while
 * that history is printed (DEBUG names it), where the filler lines would show.
 */
export function forgetPrismaDebugHistory(): void {
  for (const { debug, log } of fillers) {
    if (log.enabled || debug.enabled(NAMESPACE)) continue;
    for (let i = 0; i < ARGS_HISTORY; i++) log(0);
  }
}

// The adapter's Debug, resolved as the adapter resolves it; null if a Prisma
// release moves it (the history is then kept, nothing breaks).
function adapterDebug(): DebugFactory | null {
  try {
    const adapterRequire = createRequire(require.resolve('@prisma/adapter-pg'));
    const debug = (adapterRequire('@prisma/driver-adapter-utils') as { Debug?: unknown }).Debug;
    return typeof debug === 'function' ? (debug as DebugFactory) : null;
  } catch {
    return null;
  }
}
