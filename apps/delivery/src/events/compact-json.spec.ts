import fc from 'fast-check';
import { compactJson, compactJsonList } from './compact-json';

describe('compactJson', () => {
  it('writes what JSON.stringify(JSON.parse(text)) writes, for any JSON spaced any way', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 1, 2, '\t'), (value, indent) => {
        expect(compactJson(JSON.stringify(value, null, indent)).toString('utf8')).toBe(JSON.stringify(value));
      }),
    );
  });

  it('drops the spaces Postgres writes in jsonb text and keeps those inside strings', () => {
    const postgres = '{"a": 1, "b": [true, null, "x, y: z"], "c": {"d \\" e": "\\\\", "f": []}}';
    expect(compactJson(postgres).toString('utf8')).toBe(
      '{"a":1,"b":[true,null,"x, y: z"],"c":{"d \\" e":"\\\\","f":[]}}',
    );
  });

  it('keeps multi-byte characters and escapes inside strings', () => {
    const text = JSON.stringify({ 'k ü': ['Zoë 🙂 \\ " \u0001 \n', '"', '\\', ' , : '] }, null, 1);
    expect(compactJson(text).toString('utf8')).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('writes numbers as JavaScript does', () => {
    expect(
      compactJson('[1.50, -0, 1000000000000000000000, 0.0000001, 12345678901234567890, 2.0e3]').toString('utf8'),
    ).toBe('[1.5,0,1e+21,1e-7,12345678901234567000,2000]');
  });

  it('joins texts between a head and a tail, each compacted, with commas', () => {
    const texts = ['{"a": 1}, {"b": "x, y"}', '{"c": [1.50, 2]}', '"ü 🙂"'];
    expect(compactJsonList('{"data":[', texts, '],"n": 2}').toString('utf8')).toBe(
      '{"data":[{"a":1},{"b":"x, y"},{"c":[1.5,2]},"ü 🙂"],"n": 2}',
    );
    expect(compactJsonList('[', [], ']').toString('utf8')).toBe('[]');
  });

  it('handles a text larger than its scratch buffer', () => {
    const big = JSON.stringify({ s: 'x'.repeat(300 * 1024), n: [1, 2] }, null, 1);
    expect(compactJsonList('[', [big, '1'], ']').toString('utf8')).toBe(`[${JSON.stringify(JSON.parse(big))},1]`);
  });

  it('refuses a number JavaScript writes longer, which Postgres never sends', () => {
    expect(() => compactJson('[1e5]')).toThrow('longer than the number');
  });
});
