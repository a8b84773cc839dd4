import { defineConfig } from 'prisma/config';

// Migrations are applied by our own runner (libs/data/src/migrations); the Prisma
// CLI is used here only for `prisma generate`, which needs no live database.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
