import { loadConfig } from '@roster/config';
import { migrate } from './migrate';

// `npm run db:migrate`: applies pending migrations to DATABASE_URL.
migrate(loadConfig().databaseUrl).then(
  (applied) => console.log(applied.length ? `${applied.length} migration(s) applied` : 'database is up to date'),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
