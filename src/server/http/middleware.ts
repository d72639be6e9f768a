/** @module Request pipeline: headers, language, session, CSRF and the gate that requires a logged-in person. */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import type { Repositories } from '../../db/repositories/index.ts';
import type { LiveSession } from '../../db/repositories/system.ts';
import { effectiveRoles, type Principal } from '../../domain/access.ts';
import { defaultLocale, localeSchema } from '../../domain/text.ts';
import { sameToken, sessionCookieName, sessionIdFor } from '../auth/tokens.ts';
import { localeFromAcceptLanguage } from '../messages.ts';
import type { AppEnv } from './env.ts';
import { ApiError } from './errors.ts';

const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const headersOverHttp = secureHeaders({
  contentSecurityPolicy,
  strictTransportSecurity: false,
  referrerPolicy: 'same-origin',
  xFrameOptions: 'DENY',
  crossOriginEmbedderPolicy: false,
});
const headersOverHttps = secureHeaders({
  contentSecurityPolicy,
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  referrerPolicy: 'same-origin',
  xFrameOptions: 'DENY',
  crossOriginEmbedderPolicy: false,
});

export interface TransportOptions {
  publicUrl?: string;
  trustProxy: boolean;
}

export function isHttps(c: Context, transport: TransportOptions): boolean {
  if (transport.publicUrl?.startsWith('https://')) return true;
  if (transport.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https')
    return true;
  return new URL(c.req.url).protocol === 'https:';
}

export const securityHeaders =
  (transport: TransportOptions): MiddlewareHandler<AppEnv> =>
  (c, next) =>
    (isHttps(c, transport) ? headersOverHttps : headersOverHttp)(c, next);

/** API answers carry personal data: never stored by a browser or proxy. */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
};

/** The client's chosen language (Accept-Language) wins; otherwise the person's saved choice; otherwise Danish. */
export const resolveLocale: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('locale', localeFromAcceptLanguage(c.req.header('accept-language')) ?? defaultLocale);
  await next();
};

/** Who the session's person is, for the access rules: granted roles, plus leader when they lead a unit. */
export const principalOf = (session: LiveSession): Principal => ({
  userId: session.userId,
  municipalityId: session.municipalityId,
  roles: effectiveRoles(session.roles, session.ledUnitIds.length > 0),
  ledUnitIds: session.ledUnitIds,
});

export interface SessionOptions {
  repositories: Repositories;
  secret: string;
  now: () => Date;
  /** A session unused this long has ended. */
  idleMinutes: number;
}

export function loadSession(options: SessionOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('session', undefined);
    c.set('principal', undefined);
    c.set('tenant', undefined);
    const token = getCookie(c, sessionCookieName);
    if (token && token.length <= 128) {
      const now = options.now();
      const id = sessionIdFor(options.secret, token);
      const session = await options.repositories.system.findLiveSession(id, now);
      const idleSince = new Date(now.getTime() - options.idleMinutes * 60_000);
      if (session && session.lastSeenAt > idleSince) {
        c.set('session', { id, csrfToken: session.csrfToken });
        c.set('principal', principalOf(session));
        c.set('tenant', options.repositories.forTenant(session.municipalityId));
        if (!c.req.header('accept-language')) {
          const saved = localeSchema.safeParse(session.locale);
          if (saved.success) c.set('locale', saved.data);
        }
        // Recording every request would turn each read into a write; once a minute is enough for idle expiry.
        if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
          await options.repositories.system.touchSession(id, now);
        }
      } else {
        if (session) await options.repositories.system.deleteSession(id);
        deleteCookie(c, sessionCookieName, { path: '/' });
      }
    }
    await next();
  };
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * State-changing requests of a logged-in person must echo the session's CSRF token in `X-CSRF-Token`.
 * Requests without a session, and the login (which replaces any session, so a stale tab can always log in
 * again), must come from our own origin when the browser says where from.
 */
export function csrfProtection(
  transport: TransportOptions,
  originOnlyPaths: string[],
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!unsafeMethods.has(c.req.method)) return next();
    const session = c.get('session');
    if (session && !originOnlyPaths.includes(c.req.path)) {
      const sent = c.req.header('x-csrf-token');
      if (!sent || !sameToken(sent, session.csrfToken)) throw new ApiError(403, 'csrf_failed');
    } else {
      const origin = c.req.header('origin');
      if (origin && origin !== expectedOrigin(c, transport)) throw new ApiError(403, 'csrf_failed');
    }
    return next();
  };
}

/** The origin the browser reaches Vejviser at: PUBLIC_URL when set, otherwise the request's own host and scheme. */
export function expectedOrigin(c: Context, transport: TransportOptions): string {
  if (transport.publicUrl) return new URL(transport.publicUrl).origin;
  const url = new URL(c.req.url);
  const host = (transport.trustProxy && c.req.header('x-forwarded-host')) || c.req.header('host') || url.host;
  return `${isHttps(c, transport) ? 'https' : 'http'}://${host}`;
}

/** Gate for every route that needs a logged-in person. */
export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('principal')) throw new ApiError(401, 'unauthenticated');
  await next();
};

/** The logged-in person and their municipality's repositories; only callable behind {@link requireAuth}. */
export function auth(c: Context<AppEnv>) {
  const principal = c.get('principal');
  const tenant = c.get('tenant');
  const session = c.get('session');
  if (!principal || !tenant || !session) throw new ApiError(401, 'unauthenticated');
  return { principal, tenant, session };
}

/** The client's address for rate limiting: the proxy's word only when we were told to trust it. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
