import type { LookupAddress } from 'node:dns';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { classifyAddress } from './classify-address';
import {
  assertPublicDestination,
  createGuardedLookup,
  type LookupAll,
  normaliseHost,
  resolveWithSystem,
  type ResolveHost,
} from './destination-guard';
import { DestinationRefusedError } from './destination-refused.error';

function resolverOf(table: Record<string, readonly string[]>): ResolveHost & jest.Mock {
  return jest.fn(async (host: string) => table[host] ?? []);
}

async function refusalOf(promise: Promise<unknown>): Promise<DestinationRefusedError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DestinationRefusedError);
  return error as DestinationRefusedError;
}

describe('normaliseHost', () => {
  it.each([
    ['example.com', 'example.com'],
    ['Example.COM', 'example.com'],
    ['example.com.', 'example.com.'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['2130706433', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['0x7F000001', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['0', '0.0.0.0'],
    ['%31%32%37.0.0.1', '127.0.0.1'],
    ['[::1]', '::1'],
    ['::1', '::1'],
    ['[0:0:0:0:0:ffff:127.0.0.1]', '::ffff:7f00:1'],
    ['::FFFF:127.0.0.1', '::ffff:7f00:1'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseHost(input)).toBe(expected);
  });

  it.each([
    '',
    'example.com:443',
    'user@example.com',
    'example.com/path',
    'example.com?x',
    'example.com#x',
    'exa\tmple.com',
    'exa mple.com',
    'example.com\\x',
    '[::1]:80',
    '[example.com]',
    'fe80::1%eth0',
    '256.0.0.1',
    '1.2.3.4.5',
  ])('refuses %p', (input) => {
    expect(() => normaliseHost(input)).toThrow(expect.objectContaining({ reason: 'invalid_host' }));
  });
});

describe('assertPublicDestination', () => {
  it('passes a name whose addresses are all public', async () => {
    const resolve = resolverOf({ 'hooks.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'] });
    await expect(assertPublicDestination('hooks.example.com', resolve)).resolves.toBeUndefined();
    expect(resolve).toHaveBeenCalledWith('hooks.example.com');
  });

  it('refuses a name when any one address is not public', async () => {
    const resolve = resolverOf({ 'mixed.example.com': ['93.184.216.34', '10.0.0.5'] });
    const error = await refusalOf(assertPublicDestination('mixed.example.com', resolve));
    expect(error).toMatchObject({ reason: 'non_public_address', address: '10.0.0.5', addressClass: 'private' });
    expect(error.message).toBe('mixed.example.com resolves to 10.0.0.5, a private address');
  });

  it.each([
    ['metadata.internal', '169.254.169.254', 'link_local'],
    ['v6-loopback.example', '::1', 'loopback'],
    ['mapped.example', '::ffff:127.0.0.1', 'loopback'],
    ['nat64.example', '64:ff9b::a00:1', 'private'],
    ['sixtofour.example', '2002:c0a8:1::1', 'private'],
    ['ula.example', 'fd00::1', 'private'],
    ['scoped.example', 'fe80::1%eth0', 'link_local'],
    ['cgnat.example', '100.64.1.1', 'cgnat'],
    ['zero.example', '0.0.0.0', 'unspecified'],
    ['junk.example', 'not-an-ip', 'invalid'],
  ])('refuses %s resolving to %s', async (host, address, addressClass) => {
    const error = await refusalOf(assertPublicDestination(host, resolverOf({ [host]: [address] })));
    expect(error).toMatchObject({ reason: 'non_public_address', address, addressClass });
  });

  it.each([
    ['2130706433', 'loopback'],
    ['0x7f.1', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['[::1]', 'loopback'],
    ['[::ffff:127.0.0.1]', 'loopback'],
    ['169.254.169.254', 'link_local'],
    ['localhost', 'loopback'],
    ['LocalHost.', 'loopback'],
    ['app.localhost', 'loopback'],
  ])('refuses the literal %s without resolving it', async (host, addressClass) => {
    const resolve = resolverOf({ localhost: ['8.8.8.8'] });
    const error = await refusalOf(assertPublicDestination(host, resolve));
    expect(error).toMatchObject({ reason: 'non_public_address', addressClass });
    expect(resolve).not.toHaveBeenCalled();
  });

  it('passes a public literal without resolving it', async () => {
    const resolve = resolverOf({});
    await expect(assertPublicDestination('8.8.8.8', resolve)).resolves.toBeUndefined();
    await expect(assertPublicDestination('[2606:4700:4700::1111]', resolve)).resolves.toBeUndefined();
    expect(resolve).not.toHaveBeenCalled();
  });

  it('refuses a name that resolves to nothing', async () => {
    const error = await refusalOf(assertPublicDestination('empty.example', resolverOf({})));
    expect(error.reason).toBe('no_addresses');
  });

  it('refuses a malformed host even when private destinations are allowed', async () => {
    const error = await refusalOf(
      assertPublicDestination('evil.com@127.0.0.1', resolverOf({}), { allowPrivate: true }),
    );
    expect(error.reason).toBe('invalid_host');
  });

  it('lets resolver failures through untouched', async () => {
    const failure = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    await expect(assertPublicDestination('nx.example', () => Promise.reject(failure))).rejects.toBe(failure);
  });

  it('skips every address check when private destinations are allowed', async () => {
    const resolve = resolverOf({ 'internal.example': ['10.0.0.1'] });
    await expect(assertPublicDestination('internal.example', resolve, { allowPrivate: true })).resolves.toBeUndefined();
    await expect(assertPublicDestination('127.0.0.1', resolve, { allowPrivate: true })).resolves.toBeUndefined();
    expect(resolve).not.toHaveBeenCalled();
  });
});

describe('createGuardedLookup', () => {
  function fakeLookup(answers: Record<string, LookupAddress[]>): LookupAll & jest.Mock {
    return jest.fn((hostname, _options, callback) => {
      const addresses = answers[hostname];
      if (addresses) setImmediate(() => callback(null, addresses));
      else
        setImmediate(() =>
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []),
        );
    });
  }

  function run(lookup: LookupFunction, hostname: string, all: boolean) {
    return new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) => {
      lookup(hostname, { all }, (error, address, family) => resolve({ error, address, family }));
    });
  }

  const answers = {
    'public.example': [
      { address: '93.184.216.34', family: 4 },
      { address: '2606:2800:220:1::1', family: 6 },
    ],
    'rebound.example': [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ],
    'empty.example': [],
  };

  it('answers in the shape node asked for', async () => {
    const lookup = createGuardedLookup({ lookup: fakeLookup(answers) });
    expect(await run(lookup, 'public.example', false)).toEqual({ error: null, address: '93.184.216.34', family: 4 });
    expect(await run(lookup, 'public.example', true)).toEqual({
      error: null,
      address: answers['public.example'],
      family: undefined,
    });
  });

  it('always asks the underlying lookup for every address, keeping the other options', async () => {
    const underlying = fakeLookup(answers);
    const lookup = createGuardedLookup({ lookup: underlying });
    lookup('public.example', { family: 4, hints: 32 }, () => undefined);
    expect(underlying).toHaveBeenCalledWith(
      'public.example',
      { family: 4, hints: 32, all: true },
      expect.any(Function),
    );
  });

  it.each([false, true])('refuses a name with any non-public address (all: %p)', async (all) => {
    const { error } = await run(createGuardedLookup({ lookup: fakeLookup(answers) }), 'rebound.example', all);
    expect(error).toBeInstanceOf(DestinationRefusedError);
    expect(error).toMatchObject({
      reason: 'non_public_address',
      address: '127.0.0.1',
      code: 'ERR_WEBHOOK_DESTINATION_REFUSED',
    });
  });

  it('passes private answers through when allowed', async () => {
    const lookup = createGuardedLookup({ lookup: fakeLookup(answers), allowPrivate: true });
    expect(await run(lookup, 'rebound.example', false)).toEqual({ error: null, address: '93.184.216.34', family: 4 });
  });

  it('passes resolver errors through', async () => {
    const { error } = await run(createGuardedLookup({ lookup: fakeLookup(answers) }), 'missing.example', false);
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
  });

  it.each([false, true])('refuses an empty answer (all: %p)', async (all) => {
    const lookup = createGuardedLookup({ lookup: fakeLookup(answers) });
    expect((await run(lookup, 'empty.example', all)).error).toMatchObject({ reason: 'no_addresses' });
  });

  describe('as the lookup of a real http.request', () => {
    let server: Server;
    let port: number;

    beforeAll(async () => {
      server = createServer((_req, res) => res.end('reached'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });

    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    // A name that passed the pre-flight check but now resolves to loopback.
    const rebinding = fakeLookup({ 'rebinding.example': [{ address: '127.0.0.1', family: 4 }] });

    function get(lookup: LookupFunction) {
      return new Promise<{ body?: string; error?: Error }>((resolve) => {
        const req = request({ host: 'rebinding.example', port, path: '/', lookup }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ body }));
        });
        req.on('error', (error) => resolve({ error }));
        req.end();
      });
    }

    it('refuses to connect when the name rebinds to a private address', async () => {
      const { error, body } = await get(createGuardedLookup({ lookup: rebinding }));
      expect(body).toBeUndefined();
      expect(error).toBeInstanceOf(DestinationRefusedError);
    });

    it('connects when private destinations are allowed', async () => {
      expect(await get(createGuardedLookup({ lookup: rebinding, allowPrivate: true }))).toEqual({ body: 'reached' });
    });
  });
});

describe('resolveWithSystem', () => {
  it('resolves localhost to loopback addresses from the hosts file', async () => {
    const addresses = await resolveWithSystem('localhost');
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.map(classifyAddress)).toEqual(addresses.map(() => 'loopback'));
  });
});
