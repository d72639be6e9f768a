/** @module Contracts of logging in and out, who am I, own password and preferences. */
import { z } from 'zod';
import { localeSchema } from '../../domain/text.ts';
import { idSchema } from './common.ts';

export const roles = ['employee', 'leader', 'hr', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const unitRefSchema = z.strictObject({ id: idSchema, name: z.string() });
export type UnitRef = z.infer<typeof unitRefSchema>;

export const loginInputSchema = z
  .strictObject({
    email: z.email().max(254),
    password: z.string().min(1).max(1024),
  })
  .meta({ id: 'LoginInput' });
export type LoginInput = z.infer<typeof loginInputSchema>;

export const sessionUserSchema = z
  .strictObject({
    id: idSchema,
    name: z.string(),
    email: z.string(),
    title: z.string().nullable(),
    locale: localeSchema,
    /** `leader` is present when the person leads at least one unit. */
    roles: z.array(roleSchema),
    municipality: z.strictObject({ id: idSchema, name: z.string() }),
    unit: unitRefSchema.nullable(),
    ledUnits: z.array(unitRefSchema),
    /** Send back as the `X-CSRF-Token` header on every state-changing request. */
    csrfToken: z.string(),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const passwordChangeInputSchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(1024),
    newPassword: z.string().min(10).max(1024),
  })
  .meta({ id: 'PasswordChangeInput' });
export type PasswordChangeInput = z.infer<typeof passwordChangeInputSchema>;

export const preferencesInputSchema = z
  .strictObject({ locale: localeSchema })
  .meta({ id: 'PreferencesInput' });
export type PreferencesInput = z.infer<typeof preferencesInputSchema>;
export const preferencesSchema = z.strictObject({ locale: localeSchema }).meta({ id: 'Preferences' });
