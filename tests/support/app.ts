/** @module The real app in-process on a fresh test database, and a client that logs in as the world's people. */
import type { DatabaseKind } from '../../src/db/client.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { type AppOptions, createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { openTestDatabase } from './database.ts';
import { type Person, password, people } from './world.ts';

export interface Caller {
  cookie: string;
  csrfToken: string;
}

export interface CallOptions {
  as?: Caller;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function startTestApp(kind: DatabaseKind = 'pglite', options: Partial<AppOptions> = {}) {
  const handle = await openTestDatabase(kind);
  const repositories = createRepositories(handle.db);
  const app = createApp({
    db: handle.db,
    databaseKind: handle.kind,
    repositories,
    sessionSecret: 'test-secret-that-is-long-enough-for-hmac',
    logger: createLogger('silent'),
    ...options,
  });

  async function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as) {
      headers.cookie = options.as.cookie;
      headers['x-csrf-token'] ??= options.as.csrfToken;
    }
    let body: string | FormData | undefined;
    if (options.body instanceof FormData) {
      // The request sets the multipart content type with its boundary itself.
      body = options.body;
    } else if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    return app.request(`http://localhost${path}`, { method, headers, body });
  }

  async function login(person: Person): Promise<Caller> {
    const response = await call('POST', '/api/auth/login', { body: { email: people[person], password } });
    if (response.status !== 200) throw new Error(`login as ${person} failed: ${response.status}`);
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { cookie, csrfToken };
  }

  /** The id of one of the world's people, looked up by e-mail. */
  async function idOf(person: Person): Promise<string> {
    const found = await repositories.system.findLoginByEmail(people[person]);
    if (!found) throw new Error(`no user ${person}`);
    return found.userId;
  }

  return { app, handle, repositories, call, login, idOf, close: () => handle.close() };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
