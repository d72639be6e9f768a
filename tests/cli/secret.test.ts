/** @module The session secret: taken from the setting, or generated once into the data directory and kept. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { sessionSecret } from '../../src/server/secret.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'vejviser-secret-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('session secret', () => {
  it('is generated once, readable only by the owner, and the same on the next start', () => {
    const first = sessionSecret(undefined, dataDir);
    expect(first.length).toBeGreaterThanOrEqual(64);
    expect(statSync(join(dataDir, 'session-secret')).mode & 0o777).toBe(0o600);
    expect(sessionSecret(undefined, dataDir)).toBe(first);
  });

  it('comes from SESSION_SECRET when set', () => {
    expect(sessionSecret('x'.repeat(40), dataDir)).toBe('x'.repeat(40));
  });
});

describe('configuration', () => {
  it('has working defaults for the embedded demo', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATA_DIR: './data', DEMO: true });
  });

  it('names every wrong variable', () => {
    expect(() =>
      loadConfig({ PORT: '99999', DATABASE_URL: 'mysql://x', SESSION_SECRET: 'kort', TRUST_PROXY: 'måske' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*SESSION_SECRET[\s\S]*TRUST_PROXY/);
  });
});
