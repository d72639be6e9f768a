/** @module Contracts of API tokens: the administrator's list, a new token (shown once) and what creating one takes. */
import { z } from 'zod';
import { apiTokenScopes } from '../../domain/api-tokens.ts';
import { idSchema } from './common.ts';
import { personRefSchema } from './people.ts';

export const apiTokenScopeSchema = z.enum(apiTokenScopes).meta({ id: 'ApiTokenScope' });

export const apiTokenSchema = z
  .strictObject({
    id: idSchema,
    name: z.string(),
    scope: apiTokenScopeSchema,
    /** The token's first characters, e.g. `vvt_Ab3dE9`: enough to recognise it, useless to call with. */
    displayPrefix: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    /** Null when the person who created it has since been erased. */
    createdBy: personRefSchema.nullable(),
    /** To the minute: a token's use is recorded at most once a minute. */
    lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
    revokedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z
  .strictObject({ tokens: z.array(apiTokenSchema) })
  .meta({ id: 'ApiTokenList' });
export type ApiTokenList = z.infer<typeof apiTokenListSchema>;

export const apiTokenInputSchema = z
  .strictObject({
    /** What the token is for, e.g. "Synkronisering til lønsystemet". */
    name: z.string().trim().min(1).max(80),
    scope: apiTokenScopeSchema,
  })
  .meta({ id: 'ApiTokenInput' });
export type ApiTokenInput = z.infer<typeof apiTokenInputSchema>;

export const createdApiTokenSchema = z
  .strictObject({
    apiToken: apiTokenSchema,
    /** The token itself, `vvt_` and 43 characters. Shown this once: only a hash of it is kept. */
    token: z.string(),
  })
  .meta({ id: 'CreatedApiToken' });
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
