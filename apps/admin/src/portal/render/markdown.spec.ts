import { renderMarkdown } from './markdown';

const md = (source: string) => renderMarkdown(source).value;

describe('renderMarkdown', () => {
  it('renders headings one level down (the page owns h1), paragraphs and inline spans', () => {
    expect(md('# Okta\n\nOpen **Applications** and pick *SCIM* with `Bearer` auth.')).toBe(
      '<h2>Okta</h2>\n<p>Open <strong>Applications</strong> and pick <em>SCIM</em> with <code>Bearer</code> auth.</p>',
    );
  });

  it('renders ordered lists with nested bullets and continuation lines', () => {
    const html = md('1. Sign in\n   as an admin\n2. Open the app\n   - General tab\n   - Provisioning tab\n3. Save');
    expect(html).toBe(
      '<ol><li>Sign in as an admin</li><li>Open the app<ul><li>General tab</li><li>Provisioning tab</li></ul></li><li>Save</li></ol>',
    );
  });

  it('escapes everything and drops dangerous links', () => {
    expect(md('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(md('[click](javascript:alert%281%29)')).toBe('<p>click</p>');
    expect(md('[docs](https://help.okta.com/x?a=1&b=2)')).toBe(
      '<p><a href="https://help.okta.com/x?a=1&amp;b=2" rel="noopener noreferrer" target="_blank">docs</a></p>',
    );
    expect(md('`<b>`')).toBe('<p><code>&lt;b&gt;</code></p>');
  });

  it('renders fenced code, quotes, rules and tables', () => {
    expect(md('```\nGET /Users?filter=userName eq "a"\n```')).toBe(
      '<pre><code>GET /Users?filter=userName eq &quot;a&quot;</code></pre>',
    );
    expect(md('> Note: **careful**')).toBe('<blockquote><p>Note: <strong>careful</strong></p></blockquote>');
    expect(md('---')).toBe('<hr>');
    expect(md('| Okta | Roster |\n|---|---|\n| userName | username |')).toBe(
      '<div class="table-wrap"><table><thead><tr><th scope="col">Okta</th><th scope="col">Roster</th></tr></thead>' +
        '<tbody><tr><td>userName</td><td>username</td></tr></tbody></table></div>',
    );
  });

  it('keeps snake_case words intact', () => {
    expect(md('Set custom_attributes and user_name.')).toBe('<p>Set custom_attributes and user_name.</p>');
  });
});
