export { type TestContext, useTestContext } from './test-context';
export { createTestDatabase, dropTestDatabase, ensureTemplateDatabase, withDatabase } from './test-database';
export { type RunningApp, startApp, type TestResponse } from './running-app';
