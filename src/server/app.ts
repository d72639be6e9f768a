/** @module The Hono application: middleware, the API under /api, its OpenAPI document, and the web UI. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { defaultExerciseBank } from '../../content/exercises.ts';
import { defaultInterviewBank } from '../../content/interview.ts';
import type { Database, DatabaseKind } from '../db/client.ts';
import type { Repositories } from '../db/repositories/index.ts';
import type { InterviewBank } from '../domain/interview.ts';
import type { OpenApiDocument } from './api-docs/render.ts';
import { type CandidateLinkLimiter, createCandidateLinkLimiter } from './auth/candidate-limiter.ts';
import { createLoginLimiter, defaultLoginLimits, type LoginLimiter } from './auth/login-limiter.ts';
import { createOidcClient, type OidcClient } from './auth/oidc.ts';
import type { EnvironmentSso, SsoContext } from './auth/sso-settings.ts';
import { sessionCookieName } from './auth/tokens.ts';
import type { ErrorCode } from './contracts/common.ts';
import type { AppEnv } from './http/env.ts';
import { ApiError, fieldErrors, sendError } from './http/errors.ts';
import {
  csrfProtection,
  loadApiToken,
  loadSession,
  noStore,
  resolveLocale,
  securityHeaders,
  type TransportOptions,
} from './http/middleware.ts';
import type { Logger } from './logger.ts';
import { importMaxBytes } from './people-import.ts';
import { createRateLimiter } from './rate-limit.ts';
import { accessibilityRoutes } from './routes/accessibility.ts';
import { apiDocsRoutes } from './routes/api-docs.ts';
import { apiTokenRoutes } from './routes/api-tokens.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { candidateAccessPaths, candidateAccessRoutes } from './routes/candidate-access.ts';
import { candidateRoutes } from './routes/candidates.ts';
import { conversationRoutes } from './routes/conversations.ts';
import { erasureRoutes } from './routes/erasure.ts';
import { frameworkRoutes } from './routes/frameworks.ts';
import { groupConversationRoutes } from './routes/group-conversations.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { pairingRoutes } from './routes/pairings.ts';
import { peopleRoutes } from './routes/people.ts';
import { peopleAdminRoutes } from './routes/people-admin.ts';
import { importPaths, peopleImportRoutes } from './routes/people-import.ts';
import { personalDataRoutes } from './routes/personal-data.ts';
import { planRoutes } from './routes/plans.ts';
import { positionRoutes } from './routes/positions.ts';
import { practiceRoutes } from './routes/practice.ts';
import { profileRoutes } from './routes/profiles.ts';
import { roundRoutes } from './routes/rounds.ts';
import { ssoAdminRoutes, ssoLoginRoutes } from './routes/sso.ts';
import { teamRoutes } from './routes/team.ts';
import { themeDayRoutes } from './routes/theme-days.ts';

export interface AppOptions {
  db: Database;
  databaseKind: DatabaseKind;
  repositories: Repositories;
  sessionSecret: string;
  logger: Logger;
  transport?: TransportOptions;
  /** The built web UI; without it only the API is served. */
  webRoot?: string;
  loginLimiter?: LoginLimiter;
  /** Counts the candidates' link calls per client address. */
  candidateLinkLimiter?: CandidateLinkLimiter;
  /** The interview questions guides are built from; the shipped bank unless a test gives another. */
  interviewBank?: InterviewBank;
  now?: () => Date;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Largest framework document (a whole draft, an imported file) accepted, in bytes. */
  maxDocumentBytes?: number;
  /** Single sign-on set by the environment (SSO_*), for a one-municipality installation. */
  sso?: EnvironmentSso;
  oidcClient?: OidcClient;
}

/** Requests that carry a whole framework document: saving a draft and importing a file. */
const documentRequest = (method: string, path: string) =>
  (method === 'PUT' && /^\/api\/frameworks\/[^/]+$/.test(path)) ||
  (method === 'POST' && path === '/api/frameworks/import');

const statusCodes: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

const openApiConfig = {
  openapi: '3.1.0',
  servers: [{ url: '/api', description: 'This Vejviser server' }],
  info: {
    title: 'Vejviser API',
    version: '0.1.0',
    description:
      'Competence profiles for Danish municipal citizen service. Errors are `{ "error": { "code", "message" } }`, with the message in the language of `Accept-Language` (da or en).',
  },
};

export function createApp(options: AppOptions) {
  const now = options.now ?? (() => new Date());
  const transport = options.transport ?? { trustProxy: false };
  const { logger, repositories } = options;

  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const locale = c.get('locale');
        throw new ApiError(400, 'validation_failed', { fields: fieldErrors(locale, result.error.issues) });
      }
    },
  });

  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('requestId', crypto.randomUUID());
    await next();
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use('*', securityHeaders(transport));
  app.use('*', resolveLocale);
  app.use('/api/*', noStore);
  const limitTo = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(413, 'payload_too_large');
      },
    });
  const bodyLimitDefault = limitTo(options.maxBodyBytes ?? 64 * 1024);
  // A framework with many competences is larger than anything else a caller sends; it gets more room, not unlimited.
  const bodyLimitDocument = limitTo(options.maxDocumentBytes ?? 1024 * 1024);
  // An import file is larger still; only the import routes take one.
  const bodyLimitImport = bodyLimit({
    maxSize: importMaxBytes,
    onError: () => {
      throw new ApiError(413, 'file_too_large', { values: { megabytes: importMaxBytes / 1024 / 1024 } });
    },
  });
  app.use('/api/*', (c, next) =>
    (importPaths.includes(c.req.path)
      ? bodyLimitImport
      : documentRequest(c.req.method, c.req.path)
        ? bodyLimitDocument
        : bodyLimitDefault)(c, next),
  );
  app.use('/api/*', loadSession({ repositories, secret: options.sessionSecret, now, idleMinutes: 120 }));
  app.use('/api/*', loadApiToken({ repositories, now }));
  app.use('/api/*', csrfProtection(transport, ['/api/auth/login', ...candidateAccessPaths]));
  const interviewBank = options.interviewBank ?? defaultInterviewBank;

  const sessionStart = { repositories, secret: options.sessionSecret, transport, now, sessionHours: 12 };
  const sso: SsoContext = { sessionSecret: options.sessionSecret, environment: options.sso };
  const oidc = options.oidcClient ?? createOidcClient({ now });
  const api = new OpenAPIHono<AppEnv>()
    .route('/', healthRoutes(options.db, options.databaseKind, logger))
    .route(
      '/auth',
      authRoutes({
        ...sessionStart,
        limiter: options.loginLimiter ?? createLoginLimiter(defaultLoginLimits, { db: options.db }),
        sso,
      }),
    )
    .route(
      '/auth',
      ssoLoginRoutes({
        ...sessionStart,
        sso,
        oidc,
        logger,
        startLimiter: createRateLimiter(
          // Generous: a town hall's staff share one address and may all log in within minutes.
          { keyPrefix: 'sso-start', points: 300, windowSeconds: 10 * 60 },
          { db: options.db },
        ),
      }),
    )
    .route('/', ssoAdminRoutes({ sso, oidc, transport, now }))
    .route('/me', meRoutes(repositories))
    .route('/', frameworkRoutes())
    .route('/', peopleRoutes())
    .route('/', roundRoutes(now))
    .route('/', profileRoutes())
    .route('/', conversationRoutes(now))
    .route('/', auditRoutes())
    .route('/', personalDataRoutes())
    .route('/', accessibilityRoutes(repositories))
    .route('/', practiceRoutes(now))
    .route('/', pairingRoutes(now))
    .route('/', groupConversationRoutes(now))
    .route('/', planRoutes(now))
    .route('/', apiTokenRoutes(now))
    .route('/', positionRoutes({ now, bank: interviewBank }))
    .route('/', candidateRoutes({ now, bank: interviewBank, transport, repositories }))
    .route(
      '/',
      candidateAccessRoutes({
        repositories,
        limiter: options.candidateLinkLimiter ?? createCandidateLinkLimiter(undefined, { db: options.db }),
        transport,
        now,
      }),
    )
    .route('/', teamRoutes(now))
    .route('/', themeDayRoutes(now, defaultExerciseBank))
    .route('/', peopleAdminRoutes(repositories.system))
    .route('/', erasureRoutes(now))
    .route('/', peopleImportRoutes(repositories.system));
  // The reference page reads the document at its first visit, when every route is registered.
  api.route(
    '/',
    apiDocsRoutes(() => api.getOpenAPI31Document(openApiConfig) as unknown as OpenApiDocument),
  );

  api.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookieName,
    description: 'Set by POST /api/auth/login. State-changing requests also need the X-CSRF-Token header.',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'apiToken', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'vvt_…',
    description:
      'An API token created by an administrator (Admin → API-nøgler): `Authorization: Bearer vvt_…`. No cookie and no CSRF token. A route lists the token scopes it accepts (`organisation`, `aggregates`, `admin`); every other route answers a token with 403, and an unknown or revoked token gets 401.',
  });
  api.openAPIRegistry.registerPath({
    method: 'get',
    path: '/openapi.json',
    tags: ['System'],
    summary: 'This API description (OpenAPI 3.1); the same as a web page at /api/docs',
    responses: {
      200: {
        description: 'The OpenAPI document.',
        content: { 'application/json': { schema: z.looseObject({ openapi: z.string() }) } },
      },
    },
  });
  api.doc31('/openapi.json', openApiConfig);
  app.route('/api', api);

  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found');
  });

  if (options.webRoot && existsSync(join(options.webRoot, 'index.html'))) {
    const indexHtml = readFileSync(join(options.webRoot, 'index.html'), 'utf8');
    app.use(
      '*',
      async (c, next) => {
        await next();
        if (!c.res.ok || c.req.path.startsWith('/api/')) return;
        // Fingerprinted assets never change; the page itself must be fetched again to find new ones.
        const fingerprinted = c.req.path.startsWith('/assets/');
        c.header('Cache-Control', fingerprinted ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
      serveStatic({ root: options.webRoot }),
    );
    // Every other GET is a page of the single-page app. A missing file is a 404, not the page: a tab left open
    // across an upgrade must not load HTML as a script.
    app.get('*', (c) => {
      if (c.req.path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(c.req.path))
        throw new ApiError(404, 'not_found');
      c.header('Cache-Control', 'no-cache');
      return c.html(indexHtml);
    });
  }

  app.notFound((c) => sendError(c, new ApiError(404, 'not_found')));

  app.onError((error, c) => {
    if (error instanceof ApiError) return sendError(c, error);
    if (error instanceof HTTPException && statusCodes[error.status]) {
      return sendError(c, new ApiError(error.status as ContentfulStatusCode, statusCodes[error.status]!));
    }
    logger.error({ requestId: c.get('requestId'), err: error, path: c.req.path }, 'unexpected error');
    return sendError(c, new ApiError(500, 'internal_error'));
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
