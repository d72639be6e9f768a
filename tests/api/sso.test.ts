/**
 * @module Single sign-on end to end against a real OpenID provider on this machine: the login, and each way it must
 * end on the login page with a reason (wrong audience, expired token, replayed state, unknown or deactivated person,
 * provider down), passwords switched off with the administrators' break-glass, and the settings API.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, ssoConfigurations, ssoLoginStates, users } from '../../src/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { engineMissing, engines } from '../support/database.ts';
import { startTestProvider, type TestProvider } from '../support/oidc-provider.ts';
import { callbackUrl, configureSso, landing, loginAtProvider, returnToVejviser } from '../support/sso.ts';
import { password, people } from '../support/world.ts';

const sessionCookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('vejviser_session='))
    ?.split(';')[0];

describe.each(engines)('single sign-on against a real OpenID provider on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let clock: Date | undefined;
    let t: TestApp;
    let provider: TestProvider;
    beforeAll(async () => {
      provider = await startTestProvider({
        redirectUris: [callbackUrl],
        claims: { [people.colleague]: { employee_id: 'HR-4711' } },
      });
      t = await startTestApp(kind, { now: () => clock ?? new Date() });
      await configureSso(t, provider);
    });
    afterAll(async () => {
      await t?.close();
      await provider?.close();
    });

    it('logs a person in by e-mail and starts the usual session, marked as single sign-on', async () => {
      const answer = await loginAtProvider(t, people.employee);
      const back = await returnToVejviser(t, answer);
      expect(back.status).toBe(302);
      expect(landing(back)).toEqual({ path: '/samtaler', error: null });
      const cookie = sessionCookieOf(back)!;
      expect(back.headers.getSetCookie().join('\n')).toMatch(/vejviser_session=[^;]+;.*HttpOnly/);
      const me = await t.call('GET', '/api/auth/me', { headers: { cookie } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({
        name: 'Birthe Hansen',
        municipality: { name: 'Demo Kommune' },
      });
      // The state is used up, and the state cookie is cleared.
      expect(await t.handle.db.select().from(ssoLoginStates)).toEqual([]);
      expect(back.headers.getSetCookie().join('\n')).toMatch(/vejviser_sso=;.*Max-Age=0/);
    });

    it('refuses a replayed answer: the state is good for one login only', async () => {
      const answer = await loginAtProvider(t, people.employee);
      expect(landing(await returnToVejviser(t, answer)).error).toBeNull();
      const replay = await returnToVejviser(t, answer);
      expect(landing(replay)).toEqual({ path: '/login', error: 'sso_state_invalid' });
      expect(sessionCookieOf(replay)).toBeUndefined();
    });

    it('refuses an answer to a login started in another browser (no or another state cookie)', async () => {
      const answer = await loginAtProvider(t, people.employee);
      const other = await loginAtProvider(t, people.employee);
      const response = await returnToVejviser(t, answer, other.stateCookie);
      expect(landing(response)).toEqual({ path: '/login/demo-kommune', error: 'sso_state_invalid' });
      expect(sessionCookieOf(response)).toBeUndefined();
    });

    it('refuses an ID token issued for another audience', async () => {
      const answer = await loginAtProvider(t, people.employee);
      provider.nextAudience('another-application');
      const response = await returnToVejviser(t, answer);
      expect(landing(response)).toEqual({ path: '/login/demo-kommune', error: 'sso_token_invalid' });
      expect(sessionCookieOf(response)).toBeUndefined();
    });

    it('refuses an expired ID token', async () => {
      // Vejviser's clock is two hours ahead of the provider's: the one-hour token has run out when it arrives.
      clock = new Date(Date.now() + 2 * 3_600_000);
      try {
        const answer = await loginAtProvider(t, people.employee);
        const response = await returnToVejviser(t, answer);
        expect(landing(response)).toEqual({ path: '/login/demo-kommune', error: 'sso_token_invalid' });
        expect(sessionCookieOf(response)).toBeUndefined();
      } finally {
        clock = undefined;
      }
    });

    it('refuses a state that has run out, and a made-up one', async () => {
      const answer = await loginAtProvider(t, people.employee);
      clock = new Date(Date.now() + 11 * 60_000);
      try {
        expect(landing(await returnToVejviser(t, answer)).error).toBe('sso_state_invalid');
      } finally {
        clock = undefined;
      }
      const madeUp = await t.call('GET', '/api/auth/sso/callback?code=x&state=made-up', {
        headers: { cookie: 'vejviser_sso=made-up' },
      });
      expect(landing(madeUp)).toEqual({ path: '/login', error: 'sso_state_invalid' });
    });

    it('turns away a person the municipality does not know, and a deactivated one', async () => {
      const stranger = await returnToVejviser(t, await loginAtProvider(t, 'fremmed@andetsted.example'));
      expect(landing(stranger)).toEqual({ path: '/login/demo-kommune', error: 'sso_unknown_user' });
      // Someone of another municipality is a stranger here too.
      const other = await returnToVejviser(t, await loginAtProvider(t, people.otherEmployee));
      expect(landing(other).error).toBe('sso_unknown_user');
      const demo = t.repositories.forTenant(
        (await t.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id,
      );
      const hr = await t.idOf('hr');
      await demo.people.setActive(hr, false);
      try {
        const response = await returnToVejviser(t, await loginAtProvider(t, people.hr));
        expect(landing(response).error).toBe('sso_user_deactivated');
        expect(sessionCookieOf(response)).toBeUndefined();
      } finally {
        await demo.people.setActive(hr, true);
      }
    });

    it('matches by an employee id in users.external_id when told to, and creates newcomers in the default unit', async () => {
      const demoId = (await t.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id;
      const demo = t.repositories.forTenant(demoId);
      const mads = await t.idOf('colleague');
      await t.handle.db.update(users).set({ externalId: 'HR-4711' }).where(eq(users.id, mads));
      const unit = (await demo.people.listUnits()).find((candidate) => candidate.name === 'Team Skranke')!;
      await configureSso(t, provider, {
        matchBy: 'external_id',
        claim: 'employee_id',
        createUsers: true,
        defaultUnitId: unit.id,
      });
      try {
        const byId = await returnToVejviser(t, await loginAtProvider(t, people.colleague));
        const me = await t.call('GET', '/api/auth/me', { headers: { cookie: sessionCookieOf(byId)! } });
        expect((await me.json()).name).toBe('Mads Pedersen');
        // Birthe's token has no employee id: the claim is missing, whatever her e-mail says.
        expect(landing(await returnToVejviser(t, await loginAtProvider(t, people.employee))).error).toBe(
          'sso_claim_missing',
        );

        await configureSso(t, provider, { createUsers: true, defaultUnitId: unit.id });
        const newcomer = await returnToVejviser(
          t,
          await loginAtProvider(t, 'ny.kollega@demokommune.example'),
        );
        expect(landing(newcomer).error).toBeNull();
        const created = (await demo.people.listUsers()).find(
          (user) => user.email === 'ny.kollega@demokommune.example',
        )!;
        expect(created).toMatchObject({
          name: 'Ny Kollega',
          unitId: unit.id,
          roles: ['employee'],
          passwordHash: null,
        });
        const [event] = await t.handle.db
          .select()
          .from(auditEvents)
          .where(eq(auditEvents.subjectId, created.id));
        expect(event).toMatchObject({
          action: 'user.created',
          actorKind: 'system',
          purpose: 'administration',
        });
        // An e-mail that is another municipality's login name is not taken over.
        const elsewhere = await returnToVejviser(t, await loginAtProvider(t, people.otherEmployee));
        expect(landing(elsewhere).error).toBe('sso_unknown_user');
      } finally {
        await configureSso(t, provider);
      }
    });

    it('refuses passwords where the municipality has switched them off, except an administrator’s (recorded)', async () => {
      await configureSso(t, provider, { passwordLogin: false });
      try {
        const refused = await t.call('POST', '/api/auth/login', {
          body: { email: people.employee, password },
          headers: { 'accept-language': 'en' },
        });
        expect(refused.status).toBe(403);
        expect((await refused.json()).error).toEqual({
          code: 'password_login_disabled',
          message:
            'Demo Kommune logs in with single sign-on. Use the button "Log in with Demo Kommune" at /login/demo-kommune.',
        });
        // A wrong password is still just wrong: the refusal does not tell a guesser the account exists.
        const wrong = await t.call('POST', '/api/auth/login', {
          body: { email: people.employee, password: 'forkert' },
        });
        expect(wrong.status).toBe(401);
        const options = await (await t.call('GET', '/api/auth/login-options/demo-kommune')).json();
        expect(options).toEqual({
          municipality: { name: 'Demo Kommune', slug: 'demo-kommune' },
          ssoStartPath: '/api/auth/sso/demo-kommune/start',
          passwordLogin: false,
        });
        const admin = await t.call('POST', '/api/auth/login', { body: { email: people.admin, password } });
        expect(admin.status).toBe(200);
        const adminId = await t.idOf('admin');
        const events = await t.handle.db
          .select()
          .from(auditEvents)
          .where(eq(auditEvents.action, 'user.break_glass_login'));
        expect(events.map((event) => event.actorId)).toEqual([adminId]);
        // Another municipality's people are not affected.
        expect(
          (await t.call('POST', '/api/auth/login', { body: { email: people.otherEmployee, password } }))
            .status,
        ).toBe(200);
      } finally {
        await configureSso(t, provider);
      }
    });

    it('ends on the login page when the provider cannot be reached, and when no sign-on is set up', async () => {
      const down = await startTestProvider({ redirectUris: [callbackUrl] });
      await down.close();
      await configureSso(t, { ...provider, issuer: down.issuer });
      try {
        const response = await t.call('GET', '/api/auth/sso/demo-kommune/start');
        expect(landing(response)).toEqual({ path: '/login/demo-kommune', error: 'sso_unavailable' });
      } finally {
        await configureSso(t, provider);
      }
      const anden = await t.call('GET', '/api/auth/sso/anden-kommune/start');
      expect(landing(anden)).toEqual({ path: '/login/anden-kommune', error: 'sso_not_configured' });
      expect(landing(await t.call('GET', '/api/auth/sso/ingen-kommune/start'))).toEqual({
        path: '/login',
        error: 'sso_not_configured',
      });
      expect(await (await t.call('GET', '/api/auth/login-options/anden-kommune')).json()).toMatchObject({
        ssoStartPath: null,
        passwordLogin: true,
      });
      expect((await t.call('GET', '/api/auth/login-options/ingen-kommune')).status).toBe(404);
    });

    it('keeps the return path inside Vejviser', async () => {
      const start = await t.call('GET', '/api/auth/sso/demo-kommune/start?returnTo=//evil.example/x');
      const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
      const [row] = await t.handle.db.select().from(ssoLoginStates);
      expect(row!.returnTo).toBe('/');
      expect(JSON.stringify(row)).not.toContain(state);
      await t.handle.db.delete(ssoLoginStates);
    });
  });
});

describe('the single sign-on settings', () => {
  let t: TestApp;
  let provider: TestProvider;
  beforeAll(async () => {
    provider = await startTestProvider({ redirectUris: [callbackUrl] });
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  const valid = () => ({
    enabled: true,
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    matchBy: 'email',
    claim: 'email',
    createUsers: false,
    defaultUnitId: null,
    passwordLogin: true,
  });

  it('saves the provider, keeps the client secret encrypted and never sends it back', async () => {
    const admin = await t.login('admin');
    const before = await (await t.call('GET', '/api/admin/sso', { as: admin })).json();
    expect(before).toMatchObject({
      source: 'none',
      enabled: false,
      hasClientSecret: false,
      redirectUri: callbackUrl,
      loginPath: '/login/demo-kommune',
    });
    const saved = await t.call('PUT', '/api/admin/sso', { as: admin, body: valid() });
    expect(saved.status).toBe(200);
    const text = await saved.text();
    expect(text).not.toContain(provider.clientSecret);
    expect(JSON.parse(text)).toMatchObject({ source: 'admin', enabled: true, hasClientSecret: true });
    const [row] = await t.handle.db.select().from(ssoConfigurations);
    expect(row!.clientSecretEncrypted).toMatch(/^v1\./);
    expect(row!.clientSecretEncrypted).not.toContain(provider.clientSecret);
    // Saving without a secret keeps the one saved.
    const { clientSecret: _, ...withoutSecret } = valid();
    expect(
      (await t.call('PUT', '/api/admin/sso', { as: admin, body: { ...withoutSecret, passwordLogin: false } }))
        .status,
    ).toBe(200);
    expect((await t.handle.db.select().from(ssoConfigurations))[0]!.clientSecretEncrypted).toBe(
      row!.clientSecretEncrypted,
    );
    const [event] = await t.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'sso_settings.changed'));
    expect(event).toMatchObject({ purpose: 'administration', actorKind: 'user' });
    expect(JSON.stringify(event!.details)).not.toContain(provider.clientSecret);
  });

  it('explains each setting it cannot save, by field, in the caller’s language', async () => {
    const admin = await t.login('admin');
    const response = await t.call('PUT', '/api/admin/sso', {
      as: admin,
      headers: { 'accept-language': 'en' },
      body: { ...valid(), issuer: 'http://idp.example', createUsers: true, defaultUnitId: null },
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields).toEqual({
      issuer:
        'Enter the provider’s address with https://, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0.',
      defaultUnitId: 'Choose the unit new people are created in.',
    });
    const unreachable = await t.call('PUT', '/api/admin/sso', {
      as: admin,
      body: { ...valid(), issuer: 'http://127.0.0.1:9/nothing-here' },
    });
    expect(unreachable.status).toBe(422);
    expect(Object.keys((await unreachable.json()).error.fields)).toEqual(['issuer']);
    const passwordsOff = await t.call('PUT', '/api/admin/sso', {
      as: admin,
      body: { ...valid(), enabled: false, passwordLogin: false },
    });
    expect((await passwordsOff.json()).error.fields).toEqual({
      passwordLogin: 'Adgangskoder kan kun slås fra, når fælles login er slået til.',
    });
  });

  it('is read-only where the environment sets single sign-on, and /login offers that municipality', async () => {
    const configured = await startTestApp('pglite', {
      sso: {
        municipalitySlug: 'demo-kommune',
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        matchBy: 'email',
        claim: 'email',
        createUsers: true,
        defaultUnit: 'Team Skranke',
        passwordLogin: true,
      },
    });
    try {
      const admin = await configured.login('admin');
      const view = await (await configured.call('GET', '/api/admin/sso', { as: admin })).json();
      expect(view).toMatchObject({
        source: 'environment',
        enabled: true,
        createUsers: true,
        hasClientSecret: true,
      });
      expect(view.defaultUnitId).not.toBeNull();
      const refused = await configured.call('PUT', '/api/admin/sso', { as: admin, body: valid() });
      expect(refused.status).toBe(409);
      expect((await refused.json()).error.code).toBe('sso_set_by_environment');
      expect(await (await configured.call('GET', '/api/auth/login-options')).json()).toEqual({
        municipality: { name: 'Demo Kommune', slug: 'demo-kommune' },
        ssoStartPath: '/api/auth/sso/demo-kommune/start',
        passwordLogin: true,
      });
      const answer = await loginAtProvider(configured, people.leaderSkranke);
      expect(landing(await returnToVejviser(configured, answer)).error).toBeNull();
    } finally {
      await configured.close();
    }
    expect(await (await t.call('GET', '/api/auth/login-options')).json()).toEqual({
      municipality: null,
      ssoStartPath: null,
      passwordLogin: true,
    });
  });
});
