/** @module What every request carries through the Hono context. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import type { Principal } from '../../domain/access.ts';
import type { Locale } from '../../domain/text.ts';

export interface RequestSession {
  id: string;
  csrfToken: string;
}

export interface AppEnv {
  Variables: {
    locale: Locale;
    requestId: string;
    session: RequestSession | undefined;
    principal: Principal | undefined;
    /** Repositories bound to the logged-in person's municipality; the only data access routes get. */
    tenant: TenantRepositories | undefined;
  };
}

export type AppRouter = OpenAPIHono<AppEnv>;
