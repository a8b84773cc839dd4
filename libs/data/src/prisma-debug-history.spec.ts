import { createRequire } from 'node:module';
import { forgetPrismaDebugHistory } from './prisma-debug-history';

// The @prisma/debug the pg adapter logs its queries to: the one copy whose history can be read.
const adapterUtils = require.resolve('@prisma/driver-adapter-utils', {
  paths: [require.resolve('@prisma/adapter-pg')],
});
const adapterDebug = createRequire(adapterUtils)('@prisma/debug') as {
  Debug: (namespace: string) => (...args: unknown[]) => void;
  getLogs: (numChars?: number) => string;
};

describe('forgetPrismaDebugHistory', () => {
  it('pushes the arguments of past queries out of the pg adapter debug history', () => {
    adapterDebug.Debug('prisma:driver-adapter:pg')('[js::query] %O', { sql: 'SELECT 1', args: ['a-big-parameter'] });
    expect(adapterDebug.getLogs(1_000_000)).toContain('a-big-parameter');
    forgetPrismaDebugHistory();
    expect(adapterDebug.getLogs(1_000_000)).not.toContain('a-big-parameter');
  });
});
