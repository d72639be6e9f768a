/** @module What every request carries through the Hono context. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import type { Principal } from '../../domain/access.ts';
import type { ApiTokenScope } from '../../domain/api-tokens.ts';
import type { Locale } from '../../domain/text.ts';

export interface RequestSession {
  id: string;
  csrfToken: string;
}

/** The API token a request was made with (`Authorization: Bearer vvt_…`); it has no session and no cookie. */
export interface RequestApiToken {
  id: string;
  scope: ApiTokenScope;
}

export interface AppEnv {
  Variables: {
    locale: Locale;
    requestId: string;
    session: RequestSession | undefined;
    principal: Principal | undefined;
    /** Repositories bound to the logged-in person's municipality; the only data access routes get. */
    tenant: TenantRepositories | undefined;
    apiToken: RequestApiToken | undefined;
    /** An Authorization header was sent whose token is unknown, malformed or revoked. */
    apiTokenRejected: boolean;
  };
}

export type AppRouter = OpenAPIHono<AppEnv>;
