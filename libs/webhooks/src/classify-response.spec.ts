import { classifyError, classifyResponse } from './classify-response';
import { DestinationRefusedError } from './destination-refused.error';

function errnoError(code: string, message = code): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

describe('classifyResponse', () => {
  it.each([200, 201, 202, 204, 299])('%i is success', (status) => {
    expect(classifyResponse(status)).toMatchObject({ ok: true, status });
  });

  it.each([
    [100, 'HTTP 100 Continue'],
    [199, 'HTTP 199'],
    [300, 'HTTP 300 Multiple Choices (redirects are not followed)'],
    [301, 'HTTP 301 Moved Permanently (redirects are not followed)'],
    [302, 'HTTP 302 Found (redirects are not followed)'],
    [307, 'HTTP 307 Temporary Redirect (redirects are not followed)'],
    [308, 'HTTP 308 Permanent Redirect (redirects are not followed)'],
    [400, 'HTTP 400 Bad Request'],
    [401, 'HTTP 401 Unauthorized'],
    [404, 'HTTP 404 Not Found'],
    [410, 'HTTP 410 Gone'],
    [429, 'HTTP 429 Too Many Requests'],
    [500, 'HTTP 500 Internal Server Error'],
    [503, 'HTTP 503 Service Unavailable'],
    [599, 'HTTP 599'],
  ])('%i is a failure: %s', (status, summary) => {
    expect(classifyResponse(status)).toEqual({ ok: false, failure: { kind: 'http', status }, summary });
  });

  it.each([0, 99, 600, 200.5, Number.NaN])('%p is an invalid status', (status) => {
    expect(classifyResponse(status)).toMatchObject({
      ok: false,
      failure: { kind: 'http', status },
      summary: expect.stringContaining('invalid'),
    });
  });

  it('names the OK status', () => {
    expect(classifyResponse(200).summary).toBe('HTTP 200 OK');
  });
});

describe('classifyError', () => {
  it.each([
    ['a socket ETIMEDOUT', errnoError('ETIMEDOUT')],
    ['an undici connect timeout', errnoError('UND_ERR_CONNECT_TIMEOUT')],
    ['an undici headers timeout', errnoError('UND_ERR_HEADERS_TIMEOUT')],
    [
      'an AbortSignal.timeout() reason',
      Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }),
    ],
    ['a DOMException TimeoutError', new DOMException('timed out', 'TimeoutError')],
    ['fetch() wrapping a timeout', new TypeError('fetch failed', { cause: errnoError('UND_ERR_CONNECT_TIMEOUT') })],
  ])('%s is a timeout', (_case, error) => {
    expect(classifyError(error)).toEqual({ ok: false, failure: { kind: 'timeout' }, summary: 'timed out' });
  });

  it.each([
    ['ECONNREFUSED', 'connection refused (ECONNREFUSED)'],
    ['ECONNRESET', 'connection reset (ECONNRESET)'],
    ['ENOTFOUND', 'host not found (ENOTFOUND)'],
    ['EAI_AGAIN', 'DNS lookup failed temporarily (EAI_AGAIN)'],
    ['EHOSTUNREACH', 'host unreachable (EHOSTUNREACH)'],
  ])('%s is a described network failure', (code, summary) => {
    expect(classifyError(errnoError(code))).toEqual({ ok: false, failure: { kind: 'network', code }, summary });
  });

  it('finds the code under fetch()’s wrapper', () => {
    const error = new TypeError('fetch failed', {
      cause: errnoError('ECONNREFUSED', 'connect ECONNREFUSED 1.2.3.4:443'),
    });
    expect(classifyError(error)).toMatchObject({ failure: { kind: 'network', code: 'ECONNREFUSED' } });
  });

  it('keeps unknown codes and messages', () => {
    const tls = errnoError('CERT_HAS_EXPIRED', 'certificate has expired');
    expect(classifyError(tls)).toEqual({
      ok: false,
      failure: { kind: 'network', code: 'CERT_HAS_EXPIRED' },
      summary: 'network error: certificate has expired',
    });
    expect(classifyError(new Error('socket hang up'))).toEqual({
      ok: false,
      failure: { kind: 'network' },
      summary: 'network error: socket hang up',
    });
  });

  it('copes with things that are not errors', () => {
    expect(classifyError('boom')).toMatchObject({ failure: { kind: 'network' }, summary: 'network error: boom' });
    expect(classifyError(undefined)).toMatchObject({ failure: { kind: 'network' } });
    expect(classifyError(null)).toMatchObject({ failure: { kind: 'network' } });
  });

  it('survives a cause cycle', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(classifyError(error)).toMatchObject({ failure: { kind: 'network' } });
  });

  it('reports a destination refused by the guard, even when wrapped', () => {
    const refused = new DestinationRefusedError(
      'non_public_address',
      'x resolves to 10.0.0.1, a private address',
      '10.0.0.1',
      'private',
    );
    const expected = {
      ok: false,
      failure: { kind: 'refused', reason: 'non_public_address' },
      summary: 'destination refused: x resolves to 10.0.0.1, a private address',
    };
    expect(classifyError(refused)).toEqual(expected);
    expect(classifyError(new TypeError('fetch failed', { cause: refused }))).toEqual(expected);
  });
});
