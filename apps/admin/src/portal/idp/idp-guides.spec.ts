import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdpGuides } from './idp-guides';

describe('IdpGuides', () => {
  const original = process.cwd();
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'roster-guides-'));
    mkdirSync(join(root, 'docs', 'idp'), { recursive: true });
    process.chdir(root);
  });

  afterAll(() => {
    process.chdir(original);
    rmSync(root, { recursive: true, force: true });
  });

  it('renders docs/idp/<provider>.md and re-reads it when it changes', () => {
    const file = join(root, 'docs', 'idp', 'okta.md');
    writeFileSync(file, '# Connect Okta\n\n1. Open **Applications**');
    const guides = new IdpGuides();
    expect(guides.guide('okta')?.value).toBe('<h2>Connect Okta</h2>\n<ol><li>Open <strong>Applications</strong></li></ol>');
    writeFileSync(file, '# Okta, revised');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(guides.guide('okta')?.value).toBe('<h2>Okta, revised</h2>');
  });

  it('has no guide for a provider without a file, or a name that is not a provider slug', () => {
    const guides = new IdpGuides();
    expect(guides.guide('cyberark')).toBeNull();
    expect(guides.guide('../../etc/passwd')).toBeNull();
  });
});
