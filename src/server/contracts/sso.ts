/** @module Contracts of single sign-on: what the login page may offer, and the administrator's provider settings. */
import { z } from 'zod';
import { ssoMatchKinds } from '../../domain/sso.ts';
import { idSchema } from './common.ts';

export const loginOptionsSchema = z
  .strictObject({
    /** Null on the plain login page of an installation with several municipalities. */
    municipality: z.strictObject({ name: z.string(), slug: z.string() }).nullable(),
    /** A "Log in with …" button: GET this path (a browser navigation, not a fetch). */
    ssoStartPath: z.string().nullable(),
    /** False when the municipality has switched passwords off (administrators may still use theirs). */
    passwordLogin: z.boolean(),
  })
  .meta({ id: 'LoginOptions' });
export type LoginOptions = z.infer<typeof loginOptionsSchema>;

export const ssoMatchKindSchema = z.enum(ssoMatchKinds);

/** A claim's name as providers spell them: `email`, `preferred_username`, `employee_id`, `extension_EmployeeId`. */
const claimNameSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/);

export const ssoSettingsSchema = z
  .strictObject({
    /** `environment`: set by the SSO_* variables and read-only here; `none`: never saved. */
    source: z.enum(['admin', 'environment', 'none']),
    enabled: z.boolean(),
    issuer: z.string(),
    clientId: z.string(),
    /** The secret itself is never sent back; this says whether one is saved (and readable). */
    hasClientSecret: z.boolean(),
    matchBy: ssoMatchKindSchema,
    claim: z.string(),
    createUsers: z.boolean(),
    defaultUnitId: idSchema.nullable(),
    passwordLogin: z.boolean(),
    /** Register this at the provider as the redirect (reply) URI. */
    redirectUri: z.string(),
    /** The municipality's own login page, to link to from the intranet. */
    loginPath: z.string(),
  })
  .meta({ id: 'SsoSettings' });
export type SsoSettingsView = z.infer<typeof ssoSettingsSchema>;

export const ssoSettingsInputSchema = z
  .strictObject({
    enabled: z.boolean(),
    issuer: z.string().trim().max(500),
    clientId: z.string().trim().min(1).max(200),
    /** Leave out to keep the saved secret. */
    clientSecret: z.string().min(1).max(1000).optional(),
    matchBy: ssoMatchKindSchema,
    claim: claimNameSchema,
    createUsers: z.boolean(),
    defaultUnitId: idSchema.nullable(),
    passwordLogin: z.boolean(),
  })
  .meta({ id: 'SsoSettingsInput' });
export type SsoSettingsInput = z.infer<typeof ssoSettingsInputSchema>;
