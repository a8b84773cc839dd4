// Runs `prisma generate` offline. The Prisma 7 CLI tries to download a schema-engine
// binary on every command; generate does not need it (it uses the bundled wasm), so we
// point PRISMA_SCHEMA_ENGINE_BINARY at a stub that is never executed for generate.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const result = spawnSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(__dirname, 'no-schema-engine'),
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    DATABASE_URL: process.env.DATABASE_URL || 'postgresql://unused@127.0.0.1:5432/unused',
  },
});
process.exit(result.status ?? 1);
