/** @module Logging in and out, sessions, CSRF, rate limiting and own password, as a caller notices them. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitCounters } from '../../src/db/schema.ts';
import { createApp } from '../../src/server/app.ts';
import { createLoginLimiter, defaultLoginLimits } from '../../src/server/auth/login-limiter.ts';
import { createLogger } from '../../src/server/logger.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { engineMissing, engines } from '../support/database.ts';
import { password, people } from '../support/world.ts';

const loginBody = (email: string, secret = password) => ({ body: { email, password: secret } });

describe('login and sessions', () => {
  let clock = new Date('2026-05-12T08:00:00Z');
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { now: () => clock });
  });
  afterAll(() => t.close());

  it('starts a session with an HttpOnly, SameSite=Lax cookie and says who logged in', async () => {
    const response = await t.call('POST', '/api/auth/login', loginBody(people.leaderSkranke.toUpperCase()));
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^vejviser_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    const user = await response.json();
    expect(user).toMatchObject({
      name: 'Anne Kristensen',
      roles: ['employee', 'leader'],
      municipality: { name: 'Demo Kommune' },
      ledUnits: [{ name: 'Team Skranke' }],
    });
    expect(user.csrfToken).toHaveLength(43);
  });

  it('answers a wrong password and an unknown account alike, in the caller’s language', async () => {
    const wrong = await t.call('POST', '/api/auth/login', loginBody(people.employee, 'forkert-kode'));
    const unknown = await t.call('POST', '/api/auth/login', loginBody('ingen@demokommune.example'));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    const english = await t.call('POST', '/api/auth/login', {
      ...loginBody(people.employee, 'wrong-password'),
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect((await english.json()).error).toEqual({
      code: 'invalid_credentials',
      message: 'The e-mail or password is wrong.',
    });
  });

  it('ends a session at logout, and the old cookie no longer works', async () => {
    const caller = await t.login('employee');
    expect((await t.call('GET', '/api/auth/me', { as: caller })).status).toBe(200);
    const logout = await t.call('POST', '/api/auth/logout', { as: caller });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/vejviser_session=;.*Max-Age=0/);
    const after = await t.call('GET', '/api/auth/me', { as: caller });
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe('unauthenticated');
  });

  it('ends a session that has been idle for more than two hours', async () => {
    const caller = await t.login('employee');
    clock = new Date(clock.getTime() + 90 * 60_000);
    expect((await t.call('GET', '/api/auth/me', { as: caller })).status).toBe(200);
    clock = new Date(clock.getTime() + 121 * 60_000);
    expect((await t.call('GET', '/api/auth/me', { as: caller })).status).toBe(401);
  });

  it('refuses a state-changing request without the session’s CSRF token', async () => {
    const caller = await t.login('employee');
    for (const token of ['', 'not-the-token']) {
      const response = await t.call('PUT', '/api/me/preferences', {
        as: { ...caller, csrfToken: token },
        body: { locale: 'en' },
        headers: token ? {} : { 'x-csrf-token': '' },
      });
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe('csrf_failed');
    }
    const me = await (await t.call('GET', '/api/auth/me', { as: caller })).json();
    expect(me.locale).toBe('da');
  });

  it('lets a tab with an old session log in again without its CSRF token, and replaces that session', async () => {
    const old = await t.login('employee');
    const response = await t.call('POST', '/api/auth/login', {
      ...loginBody(people.colleague),
      headers: { cookie: old.cookie },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).name).toBe('Mads Pedersen');
    expect((await t.call('GET', '/api/auth/me', { as: old })).status).toBe(401);
  });

  it('refuses a login posted from another site', async () => {
    const response = await t.call('POST', '/api/auth/login', {
      ...loginBody(people.employee),
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('remembers the chosen language and answers in it when the client does not say', async () => {
    const caller = await t.login('colleague');
    const saved = await t.call('PUT', '/api/me/preferences', { as: caller, body: { locale: 'en' } });
    expect(await saved.json()).toEqual({ locale: 'en' });
    expect((await (await t.call('GET', '/api/auth/me', { as: caller })).json()).locale).toBe('en');
    const refused = await t.call('PUT', '/api/me/preferences', { as: caller, body: { locale: 'de' } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toBe('Some of the information is not filled in correctly.');
  });
});

describe('own password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses a wrong current password and a short new one, and changes nothing', async () => {
    const caller = await t.login('employee');
    const wrong = await t.call('PUT', '/api/me/password', {
      as: caller,
      body: { currentPassword: 'gæt', newPassword: 'en-helt-ny-kode' },
    });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error.code).toBe('wrong_password');
    const short = await t.call('PUT', '/api/me/password', {
      as: caller,
      body: { currentPassword: password, newPassword: 'kort' },
    });
    expect(short.status).toBe(400);
    expect((await short.json()).error.fields).toEqual({ newPassword: 'Skal have mindst 10 tegn.' });
    expect((await t.call('POST', '/api/auth/login', loginBody(people.employee))).status).toBe(200);
  });

  it('changes the password and ends the person’s other sessions, keeping this one', async () => {
    const here = await t.login('colleague');
    const elsewhere = await t.login('colleague');
    const changed = await t.call('PUT', '/api/me/password', {
      as: here,
      body: { currentPassword: password, newPassword: 'skranken-2026-ny' },
    });
    expect(changed.status).toBe(204);
    expect((await t.call('GET', '/api/auth/me', { as: here })).status).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { as: elsewhere })).status).toBe(401);
    expect((await t.call('POST', '/api/auth/login', loginBody(people.colleague))).status).toBe(401);
    expect(
      (await t.call('POST', '/api/auth/login', loginBody(people.colleague, 'skranken-2026-ny'))).status,
    ).toBe(200);
  });
});

describe('login rate limiting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', {
      loginLimiter: createLoginLimiter({ perAccount: 3, perAddress: 100, windowSeconds: 600 }),
    });
  });
  afterAll(() => t.close());

  it('blocks an account after repeated failures, even with the right password, with a clear message', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await t.call('POST', '/api/auth/login', loginBody(people.employee, 'forkert'))).status).toBe(
        401,
      );
    }
    const blocked = await t.call('POST', '/api/auth/login', loginBody(people.employee));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(500);
    expect((await blocked.json()).error).toEqual({
      code: 'too_many_attempts',
      message: 'For mange forsøg på at logge ind. Vent 10 minutter, og prøv igen.',
    });
    // Another account is not punished for someone guessing at this one.
    expect((await t.call('POST', '/api/auth/login', loginBody(people.colleague))).status).toBe(200);
  });

  it('blocks an address that guesses across many accounts', async () => {
    const limited = await startTestApp('pglite', {
      loginLimiter: createLoginLimiter({ perAccount: 100, perAddress: 2, windowSeconds: 60 }),
    });
    try {
      await limited.call('POST', '/api/auth/login', loginBody('a@demokommune.example', 'x'));
      await limited.call('POST', '/api/auth/login', loginBody('b@demokommune.example', 'x'));
      const blocked = await limited.call('POST', '/api/auth/login', loginBody(people.hr));
      expect(blocked.status).toBe(429);
      expect((await blocked.json()).error.message).toContain('Vent 1 minutter');
    } finally {
      await limited.close();
    }
  });
});

describe('accounts that may not log in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses an expired one-time password and a person without a password', async () => {
    const demo = t.repositories.forTenant(
      (await t.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id,
    );
    const { hashPassword } = await import('../../src/server/auth/passwords.ts');
    const expired = await demo.people.createUser({
      name: 'Udløbet Admin',
      email: 'udloebet@demokommune.example',
      roles: ['admin'],
      passwordHash: await hashPassword('engangskode-123'),
      passwordExpiresAt: new Date(Date.now() - 1000),
    });
    expect(expired.id).toBeDefined();
    const refused = await t.call(
      'POST',
      '/api/auth/login',
      loginBody('udloebet@demokommune.example', 'engangskode-123'),
    );
    expect(refused.status).toBe(401);
    await demo.people.createUser({ name: 'Uden Kode', email: 'uden@demokommune.example' });
    expect((await t.call('POST', '/api/auth/login', loginBody('uden@demokommune.example', ''))).status).toBe(
      400,
    );
    expect(
      (await t.call('POST', '/api/auth/login', loginBody('uden@demokommune.example', 'noget'))).status,
    ).toBe(401);
  });
});

describe.each(engines)('login rate limiting across server instances on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let first: TestApp;
    beforeAll(async () => {
      first = await startTestApp(kind);
    });
    afterAll(() => first?.close());

    it('counts failures made at one instance when another is asked, through the shared database', async () => {
      // Two apps on one database stand for two instances behind a load balancer; neither keeps counts in memory.
      const second = createApp({
        db: first.handle.db,
        databaseKind: first.handle.kind,
        repositories: first.repositories,
        sessionSecret: 'test-secret-that-is-long-enough-for-hmac',
        logger: createLogger('silent'),
      });
      const attempt = (app: typeof second, secret: string) =>
        app.request('http://localhost/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: people.hr, password: secret }),
        });
      for (let failure = 0; failure < defaultLoginLimits.perAccount; failure += 1) {
        expect((await attempt(failure % 2 === 0 ? first.app : second, 'forkert')).status).toBe(401);
      }
      const blocked = await attempt(second, password);
      expect(blocked.status).toBe(429);
      expect((await attempt(first.app, password)).status).toBe(429);
      const [row] = await first.handle.db
        .select()
        .from(rateLimitCounters)
        .where(eq(rateLimitCounters.key, `login-account:${people.hr}`));
      expect(row?.points).toBe(defaultLoginLimits.perAccount);
    });
  });
});
