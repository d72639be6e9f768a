/** @module Contracts of reading competence frameworks and role profiles. */
import { z } from 'zod';
import { frameworkDocumentSchema, frameworkVersionStatuses } from '../../domain/framework.ts';
import { localizedTextSchema } from '../../domain/text.ts';
import { idSchema } from './common.ts';

export const frameworkVersionSummarySchema = z
  .strictObject({
    id: idSchema,
    key: z.string(),
    name: localizedTextSchema,
    version: z.number().int().min(1),
    status: z.enum(frameworkVersionStatuses),
    publishedAt: z.iso.datetime({ offset: true }).nullable(),
    areaCount: z.number().int(),
    competenceCount: z.number().int(),
  })
  .meta({ id: 'FrameworkVersionSummary' });
export type FrameworkVersionSummary = z.infer<typeof frameworkVersionSummarySchema>;

export const frameworkListSchema = z
  .strictObject({ frameworks: z.array(frameworkVersionSummarySchema) })
  .meta({ id: 'FrameworkList' });

export const frameworkVersionSchema = z
  .strictObject({
    id: idSchema,
    version: z.number().int().min(1),
    status: z.enum(frameworkVersionStatuses),
    publishedAt: z.iso.datetime({ offset: true }).nullable(),
    document: frameworkDocumentSchema,
  })
  .meta({ id: 'FrameworkVersion' });
export type FrameworkVersion = z.infer<typeof frameworkVersionSchema>;

export const roleProfileSchema = z
  .strictObject({
    id: idSchema,
    key: z.string(),
    name: localizedTextSchema,
    description: localizedTextSchema,
    frameworkVersionId: idSchema,
    targets: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'RoleProfile' });
export type RoleProfile = z.infer<typeof roleProfileSchema>;

export const roleProfileListSchema = z
  .strictObject({ roleProfiles: z.array(roleProfileSchema) })
  .meta({ id: 'RoleProfileList' });
