import { isId, newId } from './prefixed-id';

describe('prefixed ids', () => {
  it('carries the prefix of its kind', () => {
    expect(newId('directoryUser')).toMatch(/^directory_user_[0-9a-z]{26}$/);
    expect(newId('tenant')).toMatch(/^tenant_[0-9a-z]{26}$/);
  });

  it('sorts by creation time', async () => {
    const first = newId('event');
    await new Promise((resolve) => setTimeout(resolve, 2));
    const second = newId('event');
    expect(first < second).toBe(true);
  });

  it('recognizes its own kind only', () => {
    const id = newId('directory');
    expect(isId('directory', id)).toBe(true);
    expect(isId('tenant', id)).toBe(false);
    expect(isId('directory', 'directory_123')).toBe(false);
    expect(isId('directory', '')).toBe(false);
  });
});
