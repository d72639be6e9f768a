/**
 * @module Single sign-on: the login page's options, the login through the municipality's identity provider (start
 * and callback, both browser navigations that end on a page, never in an error body), and the administrator's
 * provider settings.
 */
import { createHash } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import type { MunicipalityRow } from '../../db/repositories/system.ts';
import { hasRole } from '../../domain/access.ts';
import {
  claimValue,
  isAcceptableIssuer,
  nameFromClaims,
  type SsoLoginError,
  safeReturnPath,
} from '../../domain/sso.ts';
import { audit } from '../audit.ts';
import { type OidcClient, OidcError } from '../auth/oidc.ts';
import { sealSecret } from '../auth/secret-box.ts';
import { type SessionStartOptions, startSession } from '../auth/sessions.ts';
import {
  type SsoContext,
  type SsoSettings,
  ssoSecretPurpose,
  ssoSettingsOf,
  ssoUsable,
} from '../auth/sso-settings.ts';
import { sameToken } from '../auth/tokens.ts';
import {
  loginOptionsSchema,
  type SsoSettingsView,
  ssoSettingsInputSchema,
  ssoSettingsSchema,
} from '../contracts/sso.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import { auth, clientAddress, expectedOrigin, isHttps } from '../http/middleware.ts';
import { authenticated, json, jsonBody, pick, reply } from '../http/openapi.ts';
import type { Logger } from '../logger.ts';
import { fieldMessage } from '../messages.ts';
import type { RateLimiter } from '../rate-limit.ts';

/** Carries `state` from the start to the callback in this browser only; the checks themselves are in the database. */
const stateCookieName = 'vejviser_sso';
const statePath = '/api/auth/sso';
const loginLifetimeSeconds = 10 * 60;

const loginPathOf = (slug: string) => `/login/${slug}`;
const callbackPath = '/api/auth/sso/callback';
const stateId = (state: string) => createHash('sha256').update(state).digest('base64url');

export interface SsoRouteOptions extends SessionStartOptions {
  sso: SsoContext;
  oidc: OidcClient;
  logger: Logger;
  /** Logins started per client address: each start stores a row, so anonymous callers must not start endless ones. */
  startLimiter: RateLimiter;
}

/** Mounted under /auth: what the login page offers, and the login itself. */
export function ssoLoginRoutes(options: SsoRouteOptions) {
  const { repositories, logger } = options;
  const app = new OpenAPIHono<AppEnv>();
  const redirectUri = (c: Context<AppEnv>) => `${expectedOrigin(c, options.transport)}${callbackPath}`;
  const settingsFor = (municipality: MunicipalityRow) =>
    ssoSettingsOf(repositories.forTenant(municipality.id), municipality.slug, options.sso);

  const loginOptions = async (municipality: MunicipalityRow) => {
    const settings = await settingsFor(municipality);
    return {
      municipality: { name: municipality.name, slug: municipality.slug },
      ssoStartPath: ssoUsable(settings) ? `${statePath}/${municipality.slug}/start` : null,
      passwordLogin: !settings?.enabled || settings.passwordLogin,
    };
  };

  /** Back to the login page with the reason, which the page explains in the user's language. */
  const fail = (c: Context<AppEnv>, slug: string | undefined, code: SsoLoginError, detail?: string) => {
    logger.warn({ requestId: c.get('requestId'), code, detail, municipality: slug }, 'single sign-on failed');
    return c.redirect(`${slug ? loginPathOf(slug) : '/login'}?sso_error=${code}`, 302);
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/login-options',
      tags: ['Auth'],
      summary:
        'What the plain login page offers: the single sign-on of a one-municipality installation, if any',
      responses: { 200: json(loginOptionsSchema, 'The options.') },
    }),
    async (c) => {
      const slug = options.sso.environment?.municipalitySlug;
      const municipality = slug ? await repositories.ssoLogins.findMunicipalityBySlug(slug) : undefined;
      if (!municipality) {
        return reply(c, loginOptionsSchema, { municipality: null, ssoStartPath: null, passwordLogin: true });
      }
      return reply(c, loginOptionsSchema, await loginOptions(municipality));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/login-options/{slug}',
      tags: ['Auth'],
      summary: "What a municipality's login page (/login/<slug>) offers: its name, single sign-on, passwords",
      request: { params: z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{1,100}$/) }) },
      responses: { 200: json(loginOptionsSchema, 'The options.'), ...pick(400, 404) },
    }),
    async (c) => {
      const municipality = await repositories.ssoLogins.findMunicipalityBySlug(c.req.valid('param').slug);
      if (!municipality) throw notFound();
      return reply(c, loginOptionsSchema, await loginOptions(municipality));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/sso/{slug}/start',
      tags: ['Auth'],
      summary:
        "Start logging in through the municipality's identity provider: redirects there (authorization code with PKCE, state and nonce)",
      request: {
        params: z.strictObject({ slug: z.string().max(100) }),
        query: z.strictObject({ returnTo: z.string().max(512).optional() }),
      },
      responses: {
        302: {
          description:
            'To the identity provider, or back to the login page with `sso_error` when it cannot start.',
        },
        ...pick(400),
      },
    }),
    async (c) => {
      const { slug } = c.req.valid('param');
      const municipality = await repositories.ssoLogins.findMunicipalityBySlug(slug);
      if (!municipality) return fail(c, undefined, 'sso_not_configured', `no municipality ${slug}`);
      const settings = await settingsFor(municipality);
      if (!ssoUsable(settings)) return fail(c, slug, 'sso_not_configured');
      if ((await options.startLimiter.hit(clientAddress(c, options.transport.trustProxy))) > 0) {
        return fail(c, slug, 'sso_too_many');
      }
      let started: Awaited<ReturnType<OidcClient['begin']>>;
      try {
        started = await options.oidc.begin(settings, redirectUri(c));
      } catch (error) {
        if (error instanceof OidcError) return fail(c, slug, error.code, error.detail);
        throw error;
      }
      const now = options.now();
      await repositories.ssoLogins.saveLoginState(
        {
          id: stateId(started.checks.state),
          municipalityId: municipality.id,
          codeVerifier: started.checks.codeVerifier,
          nonce: started.checks.nonce,
          returnTo: safeReturnPath(c.req.valid('query').returnTo),
          expiresAt: new Date(now.getTime() + loginLifetimeSeconds * 1000),
        },
        now,
      );
      setCookie(c, stateCookieName, started.checks.state, {
        httpOnly: true,
        // Lax: the provider sends the browser back with a top-level GET, which carries the cookie.
        sameSite: 'Lax',
        secure: isHttps(c, options.transport),
        path: statePath,
        maxAge: loginLifetimeSeconds,
      });
      return c.redirect(started.url, 302);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/sso/callback',
      tags: ['Auth'],
      summary:
        'Where the identity provider sends the browser back (register it as the redirect URI); checks everything and starts a session',
      request: {
        // Providers add parameters of their own (session_state, iss, …); all are passed on to the checks.
        query: z.looseObject({ state: z.string().max(512).optional() }),
      },
      responses: {
        302: {
          description:
            'Into Vejviser with a session cookie, or to the login page with `sso_error` (state, token, unknown or deactivated person, provider down).',
        },
      },
    }),
    async (c) => {
      const state = c.req.valid('query').state;
      const carried = getCookie(c, stateCookieName);
      deleteCookie(c, stateCookieName, { path: statePath });
      const now = options.now();
      // Taken (deleted) before anything else: a state is good for one try, whatever happens next.
      const pending = state ? await repositories.ssoLogins.takeLoginState(stateId(state), now) : undefined;
      if (!state || !pending)
        return fail(c, undefined, 'sso_state_invalid', 'unknown, used or expired state');
      const tenant = repositories.forTenant(pending.municipalityId);
      const municipality = await tenant.people.municipality();
      const slug = municipality.slug;
      if (!carried || !sameToken(carried, state)) {
        return fail(c, slug, 'sso_state_invalid', 'state not started in this browser');
      }
      const settings = await settingsFor(municipality);
      if (!ssoUsable(settings)) return fail(c, slug, 'sso_not_configured');

      const callbackUrl = new URL(redirectUri(c));
      for (const [name, value] of new URL(c.req.url).searchParams)
        callbackUrl.searchParams.append(name, value);
      let claims: Record<string, unknown>;
      try {
        claims = await options.oidc.finish(settings, callbackUrl, {
          state,
          nonce: pending.nonce,
          codeVerifier: pending.codeVerifier,
        });
      } catch (error) {
        if (error instanceof OidcError) return fail(c, slug, error.code, error.detail);
        throw error;
      }

      const matched = await matchPerson(tenant, settings, claims, now);
      if (typeof matched === 'string') return fail(c, slug, matched);
      await startSession(c, options, {
        municipalityId: municipality.id,
        userId: matched.id,
        method: 'oidc',
      });
      return c.redirect(pending.returnTo, 302);
    },
  );

  /** The person the provider vouches for, created on first login when the municipality wants that. */
  async function matchPerson(
    tenant: TenantRepositories,
    settings: SsoSettings,
    claims: Record<string, unknown>,
    now: Date,
  ): Promise<{ id: string } | SsoLoginError> {
    const value = claimValue(claims, settings.claim);
    if (!value) return 'sso_claim_missing';
    const found = await tenant.sso.findMatchingUser(settings.matchBy, value);
    if (found) return found.active ? found : 'sso_user_deactivated';
    if (!settings.createUsers || !settings.defaultUnitId) return 'sso_unknown_user';
    const email = settings.matchBy === 'email' ? value : claimValue(claims, 'email');
    // E-mails are login names across the installation: one held elsewhere is not taken over.
    if (!email || !/^[^\s@]+@[^\s@]+$/.test(email) || (await repositories.system.findLoginByEmail(email))) {
      return 'sso_unknown_user';
    }
    const created = await tenant.people.createUser({
      email,
      name: nameFromClaims(claims, email),
      unitId: settings.defaultUnitId,
      externalId: settings.matchBy === 'external_id' ? value : null,
      roles: ['employee'],
    });
    await tenant.audit.record(
      {
        actorKind: 'system',
        actorId: null,
        action: 'user.created',
        subjectType: 'user',
        subjectId: created.id,
        subjectPersonId: created.id,
        purpose: 'administration',
        details: { via: 'single_sign_on' },
      },
      { at: now },
    );
    return created;
  }

  return app;
}

/** Mounted at the root: the administrator's provider settings. Session only: a token cannot redirect logins. */
export function ssoAdminRoutes(options: {
  sso: SsoContext;
  oidc: OidcClient;
  transport: SessionStartOptions['transport'];
  now: () => Date;
}) {
  const app = new OpenAPIHono<AppEnv>();
  const administrator = (c: Context<AppEnv>) => {
    const caller = auth(c);
    if (!hasRole(caller.principal, 'admin')) throw forbidden();
    return caller;
  };

  const view = async (c: Context<AppEnv>, tenant: TenantRepositories): Promise<SsoSettingsView> => {
    const municipality = await tenant.people.municipality();
    const settings = await ssoSettingsOf(tenant, municipality.slug, options.sso);
    return {
      source: settings?.source ?? 'none',
      enabled: settings?.enabled ?? false,
      issuer: settings?.issuer ?? '',
      clientId: settings?.clientId ?? '',
      hasClientSecret: settings?.hasClientSecret ?? false,
      matchBy: settings?.matchBy ?? 'email',
      claim: settings?.claim ?? 'email',
      createUsers: settings?.createUsers ?? false,
      defaultUnitId: settings?.defaultUnitId ?? null,
      passwordLogin: settings?.passwordLogin ?? true,
      redirectUri: `${expectedOrigin(c, options.transport)}${callbackPath}`,
      loginPath: loginPathOf(municipality.slug),
    };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/sso',
      tags: ['Admin'],
      summary: "The municipality's single sign-on settings, without the client secret (administrators)",
      ...authenticated,
      responses: { 200: json(ssoSettingsSchema, 'The settings.'), ...pick(401, 403) },
    }),
    async (c) => {
      const { tenant } = administrator(c);
      return reply(c, ssoSettingsSchema, await view(c, tenant));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/admin/sso',
      tags: ['Admin'],
      summary:
        "Save the municipality's single sign-on; switching it on checks the provider's discovery document (administrators)",
      ...authenticated,
      request: { body: jsonBody(ssoSettingsInputSchema) },
      responses: {
        200: json(ssoSettingsSchema, 'Saved.'),
        ...pick(400, 401, 403, 415, 422),
        409: json(ssoSettingsSchema, 'Set by the environment; nothing saved.'),
      },
    }),
    async (c) => {
      const { tenant } = administrator(c);
      const locale = c.get('locale');
      const input = c.req.valid('json');
      const municipality = await tenant.people.municipality();
      const current = await ssoSettingsOf(tenant, municipality.slug, options.sso);
      if (current?.source === 'environment') throw new ApiError(409, 'sso_set_by_environment');
      const saved = await tenant.sso.configuration();

      const fields: Record<string, string> = {};
      const issuerGiven = input.issuer !== '';
      if ((input.enabled || issuerGiven) && !isAcceptableIssuer(input.issuer)) {
        fields.issuer = fieldMessage(locale, input.issuer ? 'issuer_not_https' : 'required');
      }
      const clientSecret = input.clientSecret ?? current?.clientSecret;
      if (input.enabled && !clientSecret)
        fields.clientSecret = fieldMessage(locale, 'client_secret_required');
      if (input.createUsers && !input.defaultUnitId) {
        fields.defaultUnitId = fieldMessage(locale, 'default_unit_required');
      }
      if (
        input.defaultUnitId &&
        !(await tenant.people.listUnits()).some((unit) => unit.id === input.defaultUnitId)
      ) {
        fields.defaultUnitId = fieldMessage(locale, 'unit_unknown');
      }
      if (!input.passwordLogin && !input.enabled) {
        fields.passwordLogin = fieldMessage(locale, 'sso_required_for_password_off');
      }
      if (input.enabled && !fields.issuer && !fields.clientSecret) {
        try {
          await options.oidc.discover({
            issuer: input.issuer,
            clientId: input.clientId,
            clientSecret: clientSecret!,
          });
        } catch (error) {
          if (!(error instanceof OidcError)) throw error;
          fields.issuer = fieldMessage(locale, 'issuer_unreachable');
        }
      }
      if (Object.keys(fields).length > 0) throw new ApiError(422, 'invalid_sso_settings', { fields });

      await tenant.sso.saveConfiguration(
        {
          enabled: input.enabled,
          issuer: input.issuer,
          clientId: input.clientId,
          clientSecretEncrypted: input.clientSecret
            ? sealSecret(options.sso.sessionSecret, ssoSecretPurpose, input.clientSecret)
            : (saved?.clientSecretEncrypted ?? null),
          matchBy: input.matchBy,
          claim: input.claim,
          createUsers: input.createUsers,
          defaultUnitId: input.defaultUnitId,
          passwordLogin: input.passwordLogin,
        },
        options.now(),
      );
      await audit(c, {
        action: 'sso_settings.changed',
        subjectType: 'municipality',
        subjectId: municipality.id,
        subjectPersonId: null,
        purpose: 'administration',
        details: {
          enabled: input.enabled,
          passwordLogin: input.passwordLogin,
          createUsers: input.createUsers,
          matchBy: input.matchBy,
          secretChanged: input.clientSecret !== undefined,
        },
      });
      return reply(c, ssoSettingsSchema, await view(c, tenant));
    },
  );

  return app;
}
