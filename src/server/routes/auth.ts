/** @module Logging in and out, and "who am I". Login is the only state-changing route open to anonymous callers. */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie } from 'hono/cookie';
import type { LoginCandidate } from '../../db/repositories/system.ts';
import type { LoginLimiter } from '../auth/login-limiter.ts';
import { decoyPasswordHash, verifyPassword } from '../auth/passwords.ts';
import { type SessionStartOptions, startSession } from '../auth/sessions.ts';
import { type SsoContext, ssoSettingsOf } from '../auth/sso-settings.ts';
import { sessionCookieName } from '../auth/tokens.ts';
import { loginInputSchema, sessionUserSchema } from '../contracts/auth.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../http/errors.ts';
import { clientAddress, principalOf, sessionOf } from '../http/middleware.ts';
import { authenticated, json, jsonBody, pick, reply } from '../http/openapi.ts';
import { sessionUserFor } from '../session-user.ts';

export interface AuthRouteOptions extends SessionStartOptions {
  limiter: LoginLimiter;
  sso: SsoContext;
}

export function authRoutes(options: AuthRouteOptions) {
  const { repositories, limiter, transport } = options;
  const app = new OpenAPIHono<AppEnv>();

  /**
   * Where a municipality logs in by single sign-on only, a right password still does not start a session, except for
   * administrators: their password is the break-glass for a provider that fails, and each such login is recorded.
   */
  async function refusePasswordWhereSsoOnly(candidate: LoginCandidate) {
    const tenant = repositories.forTenant(candidate.municipalityId);
    const municipality = await tenant.people.municipality();
    const sso = await ssoSettingsOf(tenant, municipality.slug, options.sso);
    if (!sso?.enabled || sso.passwordLogin) return;
    if (!candidate.roles.includes('admin')) {
      throw new ApiError(403, 'password_login_disabled', {
        values: { municipality: municipality.name, loginPath: `/login/${municipality.slug}` },
      });
    }
    await tenant.audit.record({
      actorKind: 'user',
      actorId: candidate.userId,
      action: 'user.break_glass_login',
      subjectType: 'user',
      subjectId: candidate.userId,
      subjectPersonId: candidate.userId,
      purpose: 'administration',
      details: { reason: 'password login while single sign-on is required' },
    });
  }

  app.openapi(
    createRoute({
      method: 'post',
      path: '/login',
      tags: ['Auth'],
      summary: 'Log in with e-mail and password; sets the session cookie',
      request: { body: jsonBody(loginInputSchema) },
      responses: {
        200: json(sessionUserSchema, 'Logged in.'),
        ...pick(400, 401, 403, 415, 429),
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const address = clientAddress(c, transport.trustProxy);
      const wait = await limiter.retryAfterSeconds(email, address);
      if (wait > 0) {
        throw new ApiError(429, 'too_many_attempts', {
          values: { minutes: Math.max(1, Math.ceil(wait / 60)) },
          headers: { 'Retry-After': String(wait) },
        });
      }
      const candidate = await repositories.system.findLoginByEmail(email);
      const passwordMatches = await verifyPassword(
        candidate?.passwordHash ?? (await decoyPasswordHash()),
        password,
      );
      const usable =
        candidate?.active &&
        candidate.passwordHash &&
        passwordMatches &&
        (!candidate.passwordExpiresAt || candidate.passwordExpiresAt > options.now());
      if (!candidate || !usable) {
        await limiter.recordFailure(email, address);
        throw new ApiError(401, 'invalid_credentials');
      }
      await limiter.recordSuccess(email);
      await refusePasswordWhereSsoOnly(candidate);

      const { sessionId, csrfToken } = await startSession(c, options, {
        municipalityId: candidate.municipalityId,
        userId: candidate.userId,
        method: 'password',
      });
      // Read back through the same lookup every later request uses, so the login answer cannot disagree with it.
      const session = await repositories.system.findLiveSession(sessionId, options.now());
      if (!session) throw new ApiError(401, 'invalid_credentials');
      const tenant = repositories.forTenant(candidate.municipalityId);
      const principal = principalOf(session);
      return reply(c, sessionUserSchema, await sessionUserFor(tenant, principal, csrfToken));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags: ['Auth'],
      summary: 'End the session',
      ...authenticated,
      responses: { 204: { description: 'Logged out.' }, ...pick(401, 403) },
    }),
    async (c) => {
      const { session } = sessionOf(c);
      await repositories.system.deleteSession(session.id);
      deleteCookie(c, sessionCookieName, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['Auth'],
      summary: 'Who am I',
      ...authenticated,
      responses: { 200: json(sessionUserSchema, 'The logged-in person.'), ...pick(401) },
    }),
    async (c) => {
      const { principal, tenant, session } = sessionOf(c);
      return reply(c, sessionUserSchema, await sessionUserFor(tenant, principal, session.csrfToken));
    },
  );

  return app;
}
