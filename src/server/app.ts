/** @module The Hono application: middleware, the API under /api, its OpenAPI document, and the web UI. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Database, DatabaseKind } from '../db/client.ts';
import type { Repositories } from '../db/repositories/index.ts';
import { createLoginLimiter, type LoginLimiter } from './auth/login-limiter.ts';
import { sessionCookieName } from './auth/tokens.ts';
import type { ErrorCode } from './contracts/common.ts';
import type { AppEnv } from './http/env.ts';
import { ApiError, fieldErrors, sendError } from './http/errors.ts';
import {
  csrfProtection,
  loadSession,
  noStore,
  resolveLocale,
  securityHeaders,
  type TransportOptions,
} from './http/middleware.ts';
import type { Logger } from './logger.ts';
import { importMaxBytes } from './people-import.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { conversationRoutes } from './routes/conversations.ts';
import { frameworkRoutes } from './routes/frameworks.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { peopleRoutes } from './routes/people.ts';
import { peopleAdminRoutes } from './routes/people-admin.ts';
import { importPaths, peopleImportRoutes } from './routes/people-import.ts';
import { profileRoutes } from './routes/profiles.ts';
import { roundRoutes } from './routes/rounds.ts';

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
  now?: () => Date;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

const statusCodes: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
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
  const jsonBodyLimit = bodyLimit({
    maxSize: options.maxBodyBytes ?? 64 * 1024,
    onError: () => {
      throw new ApiError(413, 'payload_too_large');
    },
  });
  // An import file is larger than any JSON body; only the import routes take one.
  const importBodyLimit = bodyLimit({
    maxSize: importMaxBytes,
    onError: () => {
      throw new ApiError(413, 'file_too_large', { values: { megabytes: importMaxBytes / 1024 / 1024 } });
    },
  });
  app.use('/api/*', (c, next) =>
    (importPaths.includes(c.req.path) ? importBodyLimit : jsonBodyLimit)(c, next),
  );
  app.use('/api/*', loadSession({ repositories, secret: options.sessionSecret, now, idleMinutes: 120 }));
  app.use('/api/*', csrfProtection(transport, ['/api/auth/login']));

  const api = new OpenAPIHono<AppEnv>()
    .route('/', healthRoutes(options.db, options.databaseKind))
    .route(
      '/auth',
      authRoutes({
        repositories,
        secret: options.sessionSecret,
        limiter: options.loginLimiter ?? createLoginLimiter(),
        transport,
        now,
        sessionHours: 12,
      }),
    )
    .route('/me', meRoutes(repositories))
    .route('/', frameworkRoutes())
    .route('/', peopleRoutes())
    .route('/', roundRoutes(now))
    .route('/', profileRoutes())
    .route('/', conversationRoutes(now))
    .route('/', auditRoutes())
    .route('/', peopleAdminRoutes(repositories.system))
    .route('/', peopleImportRoutes(repositories.system));

  api.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookieName,
    description: 'Set by POST /api/auth/login. State-changing requests also need the X-CSRF-Token header.',
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    servers: [{ url: '/api', description: 'This Vejviser server' }],
    info: {
      title: 'Vejviser API',
      version: '0.1.0',
      description:
        'Competence profiles for Danish municipal citizen service. Errors are `{ "error": { "code", "message" } }`, with the message in the language of `Accept-Language` (da or en).',
    },
  });
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
