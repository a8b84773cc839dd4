// One config, three projects: pure unit specs, integration specs against real
// Postgres/Redis, and e2e specs over real HTTP servers.
const { pathsToModuleNameMapper } = require('./tools/jest-paths');

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};

const shared = {
  testEnvironment: 'node',
  rootDir: __dirname,
  moduleNameMapper: { ...pathsToModuleNameMapper(), '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.(ts|js|mjs)$': ['@swc/jest', swc] },
  // Nest 12 is ESM-only and Jest on Node < 24.9 cannot require() ESM, so these
  // node_modules are transpiled to CommonJS too.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|load-esm|strtok3|token-types|peek-readable|@tokenizer|uint8array-extras|@standard-schema|content-disposition)/)',
  ],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

const withServices = {
  ...shared,
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
};

module.exports = {
  maxWorkers: 2,
  // Unit tests take milliseconds; the others run real Postgres, Redis and HTTP
  // servers, so the limit is generous for a busy 2-core CI machine.
  testTimeout: 30_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools,bench}/**/*.spec.ts', '<rootDir>/test/support/**/*.spec.ts'] },
    { ...withServices, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'] },
    { ...withServices, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    // Fault injection (restarted Postgres, stopped Redis, killed workers): too slow for every run, `npm run test:chaos`.
    { ...withServices, displayName: 'chaos', testMatch: ['<rootDir>/test/chaos/**/*.chaos-spec.ts'] },
  ],
};
