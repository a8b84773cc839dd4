import { MAX_LOGGED_BODY_BYTES, redactBody } from './redact-body';

describe('redactBody', () => {
  it('replaces secrets at any depth and keeps the rest', () => {
    expect(
      redactBody({
        userName: 'a',
        password: 'hunter2',
        Operations: [{ op: 'replace', value: { Password: 'x', title: 't' } }],
      }),
    ).toEqual({
      userName: 'a',
      password: '[redacted]',
      Operations: [{ op: 'replace', value: { Password: '[redacted]', title: 't' } }],
    });
  });

  it('keeps big bodies as a truncated preview', () => {
    const body = { members: Array.from({ length: 2000 }, (_, i) => ({ value: `directory_user_${i}` })) };
    const logged = redactBody(body) as { truncated: boolean; preview: string };
    expect(logged.truncated).toBe(true);
    expect(logged.preview).toHaveLength(MAX_LOGGED_BODY_BYTES);
  });

  it('is null without a body', () => {
    expect(redactBody(undefined)).toBeNull();
  });
});

describe('redactBody and PATCH operations', () => {
  it('hides the value of an operation whose path names a secret (found by the secrets e2e test)', () => {
    const body = {
      Operations: [
        { op: 'replace', path: 'password', value: 'hunter2' },
        { op: 'replace', path: 'title', value: 'CTO' },
      ],
    };
    expect(redactBody(body)).toEqual({
      Operations: [
        { op: 'replace', path: 'password', value: '[redacted]' },
        { op: 'replace', path: 'title', value: 'CTO' },
      ],
    });
  });
});
