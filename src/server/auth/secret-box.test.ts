import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box.ts';

describe('the secret box', () => {
  const key = 'a-session-secret-of-at-least-32-characters';
  it('opens what it sealed, and nothing sealed with another key, for another purpose or tampered with', () => {
    const sealed = sealSecret(key, 'sso-client-secret', 'hemmelig værdi');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('hemmelig');
    expect(openSecret(key, 'sso-client-secret', sealed)).toBe('hemmelig værdi');
    expect(openSecret(`${key}x`, 'sso-client-secret', sealed)).toBeUndefined();
    expect(openSecret(key, 'another-purpose', sealed)).toBeUndefined();
    const [version, iv, tag, ciphertext] = sealed.split('.');
    const flipped = `${ciphertext![0] === 'A' ? 'B' : 'A'}${ciphertext!.slice(1)}`;
    expect(openSecret(key, 'sso-client-secret', [version, iv, tag, flipped].join('.'))).toBeUndefined();
    expect(openSecret(key, 'sso-client-secret', 'not a box')).toBeUndefined();
  });

  it('seals the same secret differently each time (a fresh IV)', () => {
    expect(sealSecret(key, 'p', 'x')).not.toBe(sealSecret(key, 'p', 'x'));
  });
});
