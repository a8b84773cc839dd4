import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Domain libraries are pure: no framework, ORM, queue or Redis client in them
// (see docs/architecture.md). Infrastructure is wired in apps and infra libs.
const DOMAIN_LIBS = ['libs/dialects', 'libs/scim', 'libs/sdk', 'libs/webhooks', 'libs/events', 'libs/ids', 'libs/security'];
const INFRASTRUCTURE = ['@nestjs/*', '@prisma/*', 'prisma', 'bullmq', 'ioredis', 'pg', 'fastify', 'express'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'coverage/', 'libs/data/src/generated/', '**/tmp-*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // No consistent-type-imports: Nest reads constructor parameter types at run time,
      // and `import type` would erase the classes it injects.
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: DOMAIN_LIBS.map((lib) => `${lib}/src/**/*.ts`),
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: INFRASTRUCTURE, message: 'Domain libraries stay free of infrastructure.' }] }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'libs/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Jest's global setup and the Prisma and ESLint config files must be default exports.
    files: ['libs/testing/src/global-*.ts', 'prisma.config.ts', 'eslint.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
