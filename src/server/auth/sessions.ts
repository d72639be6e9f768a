/** @module Starting a session after a login (by password or single sign-on): the cookie, the row, the old one gone. */
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { Repositories } from '../../db/repositories/index.ts';
import type { AppEnv } from '../http/env.ts';
import { isHttps, type TransportOptions } from '../http/middleware.ts';
import { newToken, sessionCookieName, sessionIdFor } from './tokens.ts';

export interface SessionStartOptions {
  repositories: Repositories;
  secret: string;
  transport: TransportOptions;
  now: () => Date;
  sessionHours: number;
}

export async function startSession(
  c: Context<AppEnv>,
  options: SessionStartOptions,
  who: { municipalityId: string; userId: string; method: 'password' | 'oidc' },
): Promise<{ sessionId: string; csrfToken: string }> {
  const now = options.now();
  const token = newToken();
  const sessionId = sessionIdFor(options.secret, token);
  const csrfToken = newToken();
  await options.repositories.system.createSession({
    id: sessionId,
    municipalityId: who.municipalityId,
    userId: who.userId,
    csrfToken,
    method: who.method,
    createdAt: now,
    expiresAt: new Date(now.getTime() + options.sessionHours * 3_600_000),
  });
  const previous = c.get('session');
  if (previous) await options.repositories.system.deleteSession(previous.id);
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, options.transport),
    path: '/',
    maxAge: options.sessionHours * 3600,
  });
  return { sessionId, csrfToken };
}
