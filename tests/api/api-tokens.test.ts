/** @module API tokens as an administrator and an integration notice them: shown once, scoped, revocable, recorded. */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditEvents } from '../../src/db/schema.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { engineMissing, engines } from '../support/database.ts';

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe.each(engines)('API tokens on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let clock = new Date('2026-05-12T08:00:00Z');
    let t: TestApp;
    let admin: Caller;
    beforeAll(async () => {
      t = await startTestApp(kind, { now: () => clock });
      admin = await t.login('admin');
    });
    afterAll(() => t?.close());

    const create = async (name: string, scope: string) => {
      const response = await t.call('POST', '/api/admin/api-tokens', { as: admin, body: { name, scope } });
      expect(response.status).toBe(201);
      return (await response.json()) as { token: string; apiToken: { id: string; displayPrefix: string } };
    };
    const listed = async () =>
      (await (await t.call('GET', '/api/admin/api-tokens', { as: admin })).json()).tokens as {
        id: string;
        name: string;
        lastUsedAt: string | null;
        revokedAt: string | null;
      }[];

    it('shows a new token once, and keeps only its hash', async () => {
      const created = await create('Lønsystemet', 'organisation');
      expect(created.token).toMatch(/^vvt_[A-Za-z0-9_-]{43}$/);
      expect(created.apiToken).toMatchObject({
        name: 'Lønsystemet',
        scope: 'organisation',
        displayPrefix: created.token.slice(0, 10),
        createdBy: { name: 'Mette Lund' },
        lastUsedAt: null,
        revokedAt: null,
      });
      const list = await (await t.call('GET', '/api/admin/api-tokens', { as: admin })).text();
      expect(list).toContain('Lønsystemet');
      expect(list).not.toContain(created.token);
      const [row] = await t.handle.db.select().from(apiTokens).where(eq(apiTokens.id, created.apiToken.id));
      expect(row!.tokenHash).toBe(createHash('sha256').update(created.token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(created.token.slice(10));
    });

    it('refuses a token without a name or with an unknown scope, in the caller’s language', async () => {
      const response = await t.call('POST', '/api/admin/api-tokens', {
        as: admin,
        body: { name: '  ', scope: 'everything' },
        headers: { 'accept-language': 'en' },
      });
      expect(response.status).toBe(400);
      expect((await response.json()).error.fields).toEqual({
        name: 'Must be filled in.',
        scope: 'The value is not valid.',
      });
    });

    it('reads the organisation with an organisation token, and records each read of people in the audit log', async () => {
      const { token, apiToken } = await create('Organisationsdiagram', 'organisation');
      const users = await t.call('GET', '/api/users', bearer(token));
      expect(users.status).toBe(200);
      const names = ((await users.json()).users as { name: string }[]).map((user) => user.name);
      expect(names).toContain('Birthe Hansen');
      expect(names).not.toContain('Ole Bang');
      const birtheId = await t.idOf('employee');
      expect((await t.call('GET', `/api/users/${birtheId}`, bearer(token))).status).toBe(200);
      expect((await t.call('GET', '/api/units', bearer(token))).status).toBe(200);

      const events = await t.handle.db.select().from(auditEvents).where(eq(auditEvents.actorId, apiToken.id));
      expect(
        events.map((event) => [event.actorKind, event.action, event.subjectPersonId, event.purpose]),
      ).toEqual(
        expect.arrayContaining([
          ['token', 'user_list.read', null, 'administration'],
          ['token', 'user.read', birtheId, 'administration'],
        ]),
      );
      // The organisation chart is not personal data: reading units is not recorded.
      expect(events).toHaveLength(2);
    });

    it('opens only the routes of the token’s scope, never a person’s own view, and says why', async () => {
      const { token } = await create('Nøgletal', 'aggregates');
      const refused = await t.call('GET', '/api/users', bearer(token));
      expect(refused.status).toBe(403);
      expect((await refused.json()).error).toEqual({
        code: 'token_not_allowed',
        message: 'API-nøglen giver ikke adgang til denne handling.',
      });
      const { token: adminToken } = await create('Administration', 'admin');
      for (const path of ['/api/me/tasks', '/api/auth/me', '/api/conversations']) {
        expect((await t.call('GET', path, bearer(adminToken))).status, path).toBe(403);
      }
      expect(
        (
          await t.call('POST', '/api/admin/api-tokens', {
            ...bearer(adminToken),
            body: { name: 'Ny', scope: 'admin' },
          })
        ).status,
      ).toBe(403);
    });

    it('needs no CSRF token, and a cookie sent along does not widen what the token may do', async () => {
      const { token } = await create('Indstillinger', 'admin');
      const saved = await t.call('PUT', '/api/admin/settings', {
        ...bearer(token),
        body: { hrSeesRounds: false },
      });
      expect(saved.status).toBe(200);
      const { token: narrow } = await create('Smal', 'aggregates');
      const withCookie = await t.call('GET', '/api/users', {
        headers: { authorization: `Bearer ${narrow}`, cookie: admin.cookie },
      });
      expect(withCookie.status).toBe(403);
    });

    it('records the last use at most once a minute', async () => {
      const { token, apiToken } = await create('Ur', 'organisation');
      const lastUse = async () => (await listed()).find((entry) => entry.id === apiToken.id)!.lastUsedAt;
      expect(await lastUse()).toBeNull();
      const first = clock;
      await t.call('GET', '/api/units', bearer(token));
      expect(await lastUse()).toBe(first.toISOString());
      clock = new Date(first.getTime() + 30_000);
      await t.call('GET', '/api/units', bearer(token));
      expect(await lastUse()).toBe(first.toISOString());
      clock = new Date(first.getTime() + 61_000);
      await t.call('GET', '/api/units', bearer(token));
      expect(await lastUse()).toBe(clock.toISOString());
    });

    it('stops a revoked token at once, keeps it listed as revoked, and records the creation and revocation', async () => {
      const { token, apiToken } = await create('Udfases', 'organisation');
      expect((await t.call('GET', '/api/units', bearer(token))).status).toBe(200);
      const revoked = await t.call('DELETE', `/api/admin/api-tokens/${apiToken.id}`, { as: admin });
      expect(revoked.status).toBe(204);
      const after = await t.call('GET', '/api/units', {
        ...bearer(token),
        headers: { ...bearer(token).headers, 'accept-language': 'en' },
      });
      expect(after.status).toBe(401);
      expect(after.headers.get('www-authenticate')).toContain('error="invalid_token"');
      expect((await after.json()).error.message).toBe('The API token is not valid, or it has been revoked.');
      expect((await listed()).find((entry) => entry.id === apiToken.id)!.revokedAt).toBe(clock.toISOString());
      // Revoking twice is harmless and not recorded twice.
      expect((await t.call('DELETE', `/api/admin/api-tokens/${apiToken.id}`, { as: admin })).status).toBe(
        204,
      );
      const events = await t.handle.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, apiToken.id));
      expect(
        events.map((event) => [event.action, event.actorKind, event.actorId, event.purpose]).sort(),
      ).toEqual([
        ['api_token.created', 'user', await t.idOf('admin'), 'administration'],
        ['api_token.revoked', 'user', await t.idOf('admin'), 'administration'],
      ]);
    });

    it('answers a malformed or unknown token with 401, even where a session would be enough', async () => {
      for (const token of ['vvt_kort', `vvt_${'x'.repeat(43)}`, '']) {
        const response = await t.call('GET', '/api/units', bearer(token));
        expect(response.status, token).toBe(401);
        expect((await response.json()).error.code).toBe('invalid_token');
      }
      // Public routes do not care.
      expect((await t.call('GET', '/api/health', bearer('vvt_kort'))).status).toBe(200);
    });
  });
});
