import { randomBytes } from 'node:crypto';
import { SecretBox, SecretBoxError } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips and never shows the plaintext', () => {
    const sealed = box.encrypt('whsec_secret');
    expect(sealed).not.toContain('whsec_secret');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(box.decrypt(sealed)).toBe('whsec_secret');
  });

  it('uses a fresh IV each time', () => {
    expect(box.encrypt('same')).not.toEqual(box.encrypt('same'));
  });

  it('refuses another key and tampered input', () => {
    const sealed = box.encrypt('secret');
    expect(() => new SecretBox(randomBytes(32)).decrypt(sealed)).toThrow(SecretBoxError);
    expect(() => box.decrypt(`${sealed.slice(0, -2)}AA`)).toThrow(SecretBoxError);
    expect(() => box.decrypt('garbage')).toThrow(SecretBoxError);
  });

  it('accepts hex and base64 keys of 32 bytes only', () => {
    const key = randomBytes(32);
    expect(SecretBox.fromEncodedKey(key.toString('hex')).decrypt(new SecretBox(key).encrypt('x'))).toBe('x');
    expect(SecretBox.fromEncodedKey(key.toString('base64')).decrypt(new SecretBox(key).encrypt('x'))).toBe('x');
    expect(() => SecretBox.fromEncodedKey('short')).toThrow(SecretBoxError);
  });
});
