import { isTransientDatabaseError } from './transient-errors';

describe('isTransientDatabaseError', () => {
  it('knows the errors Prisma 7 raises while Postgres restarts (found by the Postgres restart chaos test)', () => {
    expect(
      isTransientDatabaseError(
        new Error('Database error. Code: `57P03`. Message: `the database system is shutting down`'),
      ),
    ).toBe(true);
    expect(
      isTransientDatabaseError(
        new Error('Raw query failed. Code: `N/A`. Message: `Server has closed the connection.`'),
      ),
    ).toBe(true);
    expect(isTransientDatabaseError(new Error('the database system is starting up'))).toBe(true);
    expect(isTransientDatabaseError(new Error('Client has encountered a connection error and is not queryable'))).toBe(
      true,
    );
    expect(isTransientDatabaseError(Object.assign(new Error('x'), { cause: { code: 'ECONNREFUSED' } }))).toBe(true);
  });

  it("leaves the request's own errors alone", () => {
    expect(isTransientDatabaseError(new Error('Database error. Code: `23505`. Message: `duplicate key`'))).toBe(false);
    expect(isTransientDatabaseError(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isTransientDatabaseError(undefined)).toBe(false);
  });
});
