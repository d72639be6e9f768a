/** @module HTTP hygiene: headers, error bodies, input limits and the OpenAPI document. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

describe('HTTP hygiene', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports health and the database engine', async () => {
    const response = await t.call('GET', '/api/health');
    expect(await response.json()).toEqual({ status: 'ok', database: 'pglite' });
  });

  it('sends security headers and forbids caching of API answers', async () => {
    const caller = await t.login('employee');
    const response = await t.call('GET', '/api/auth/me', { as: caller });
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('turns on HSTS and Secure cookies behind HTTPS', async () => {
    const secure = await startTestApp('pglite', {
      transport: { publicUrl: 'https://vejviser.kommune.dk', trustProxy: true },
    });
    try {
      const response = await secure.call('POST', '/api/auth/login', {
        body: { email: 'birthe.hansen@demokommune.example', password: 'vejviser-demo' },
        headers: { origin: 'https://vejviser.kommune.dk' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toContain('Secure');
      expect(response.headers.get('strict-transport-security')).toContain('max-age=31536000');
    } finally {
      await secure.close();
    }
  });

  it('rejects unknown fields instead of ignoring them', async () => {
    const caller = await t.login('employee');
    const response = await t.call('PUT', '/api/me/preferences', {
      as: caller,
      body: { locale: 'da', roles: ['admin'] },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'Nogle af oplysningerne er ikke udfyldt korrekt.',
        fields: { roles: 'Feltet kendes ikke og må ikke sendes med.' },
      },
    });
  });

  it('answers malformed JSON with 400, another media type with 415 and a huge body with 413', async () => {
    const malformed = await t.call('POST', '/api/auth/login', {
      body: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('bad_request');
    const form = await t.call('POST', '/api/auth/login', {
      body: 'email=a&password=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect((await form.json()).error.code).toBe('unsupported_media_type');
    const huge = await t.call('POST', '/api/auth/login', {
      body: { email: 'a@b.dk', password: 'x'.repeat(100_000) },
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('payload_too_large');
  });

  it('answers an unknown API path and a malformed id with JSON errors', async () => {
    const caller = await t.login('admin');
    const missing = await t.call('GET', '/api/nothing-here', { as: caller });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    const badId = await t.call('GET', '/api/users/not-a-uuid', { as: caller });
    expect(badId.status).toBe(400);
    expect((await badId.json()).error.fields).toHaveProperty('userId');
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const document = await (await t.call('GET', '/api/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: '/api', description: 'This Vejviser server' }]);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/auth/login',
        '/frameworks/{versionId}',
        '/users/{userId}',
        '/team',
      ]),
    );
    expect(document.components.schemas.LoginInput.additionalProperties).toBe(false);
  });

  it('hides the cause of an unexpected error behind a generic message', async () => {
    const broken = await startTestApp();
    await broken.close();
    const response = await broken.call('GET', '/api/health', { headers: { 'accept-language': 'en' } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: {
        code: 'internal_error',
        message:
          'Something unexpected went wrong. Try again shortly. If it keeps happening, contact your administrator.',
      },
    });
    expect(text).not.toMatch(/at |select|PGlite/i);
  });
});

describe('serving the web UI', () => {
  let t: TestApp;
  let webRoot: string;
  beforeAll(async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    webRoot = mkdtempSync(join(tmpdir(), 'vejviser-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(webRoot, 'assets', 'app-1234.js'), 'console.log(1)');
    t = await startTestApp('pglite', { webRoot });
  });
  afterAll(async () => {
    await t.close();
    (await import('node:fs')).rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves the app for every page address, with the security headers and no caching of the page', async () => {
    for (const path of ['/', '/kompetenceramme', '/admin/brugere']) {
      const response = await t.call('GET', path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('caches fingerprinted assets for a year and answers a missing one with 404, not the page', async () => {
    const asset = await t.call('GET', '/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await t.call('GET', '/assets/app-old.js');
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<div id="root">');
    expect((await t.call('GET', '/favicon-missing.png')).status).toBe(404);
  });
});

describe('logging', () => {
  it('writes one JSON line per request and never a password, cookie or token', async () => {
    const lines: string[] = [];
    const { createLogger } = await import('../../src/server/logger.ts');
    const logger = createLogger('debug', { write: (line: string) => lines.push(line) });
    const t = await startTestApp('pglite', { logger });
    try {
      const caller = await t.login('employee');
      await t.call('POST', '/api/auth/login', {
        body: { email: 'birthe.hansen@demokommune.example', password: 'hemmelig-kode-1' },
      });
      await t.call('PUT', '/api/me/password', {
        as: caller,
        body: { currentPassword: 'vejviser-demo', newPassword: 'endnu-mere-hemmelig' },
      });
      const text = lines.join('');
      expect(lines).toHaveLength(3);
      expect(JSON.parse(lines[0]!)).toMatchObject({
        msg: 'request',
        method: 'POST',
        path: '/api/auth/login',
        status: 200,
      });
      for (const secret of [
        'vejviser-demo',
        'hemmelig-kode-1',
        'endnu-mere-hemmelig',
        caller.csrfToken,
        caller.cookie.split('=')[1]!,
      ]) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await t.close();
    }
  });
});
