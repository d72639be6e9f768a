/** @module Contracts of competence frameworks and role profiles: reading, drafting, publishing, comparing, sharing. */
import { z } from 'zod';
import {
  draftTextSchema,
  frameworkDocumentSchema,
  frameworkDraftSchema,
  frameworkVersionStatuses,
} from '../../domain/framework.ts';
import { contentIdSchema, localizedTextSchema } from '../../domain/text.ts';
import { idSchema } from './common.ts';

export const frameworkVersionSummarySchema = z
  .strictObject({
    id: idSchema,
    key: z.string(),
    /** A draft's name may still be empty. */
    name: draftTextSchema,
    version: z.number().int().min(1),
    status: z.enum(frameworkVersionStatuses),
    publishedAt: z.iso.datetime({ offset: true }).nullable(),
    areaCount: z.number().int(),
    competenceCount: z.number().int(),
    /** The version a draft was copied from; null for a first or imported version. */
    basedOnVersionId: idSchema.nullable(),
    /** Published from a draft, with a report of what it did to the role profiles. */
    hasReport: z.boolean(),
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
    /** Raised by every save of a draft; send it back when saving or publishing. */
    revision: z.number().int().min(1),
    basedOnVersionId: idSchema.nullable(),
    /** A published version passes every rule; a draft's texts may still be empty. */
    document: frameworkDraftSchema,
  })
  .meta({ id: 'FrameworkVersion' });
export type FrameworkVersion = z.infer<typeof frameworkVersionSchema>;

export const draftInputSchema = z
  .strictObject({
    /** The revision the administrator started from: a newer one means someone else saved in the meantime. */
    revision: z.number().int().min(1),
    document: frameworkDraftSchema,
  })
  .meta({ id: 'FrameworkDraftInput' });
export type DraftInput = z.input<typeof draftInputSchema>;

export const publishInputSchema = z
  .strictObject({ revision: z.number().int().min(1) })
  .meta({ id: 'FrameworkPublishInput' });

const targetChangeSchema = z.strictObject({
  competenceId: z.string(),
  name: localizedTextSchema,
  level: z.number().int(),
});

const diffCountsSchema = z.strictObject({
  added: z.number().int(),
  retired: z.number().int(),
  renamed: z.number().int(),
  moved: z.number().int(),
  levelsChanged: z.number().int(),
});

export const publishReportSchema = z
  .strictObject({
    previous: z.strictObject({ versionId: idSchema, version: z.number().int() }).nullable(),
    counts: diffCountsSchema,
    roleProfiles: z.array(
      z.strictObject({
        key: z.string(),
        name: localizedTextSchema,
        /** Targets of retired competences, left out of the new version's profile. */
        dropped: z.array(targetChangeSchema),
        /** New competences with the target they were given: to be checked. */
        added: z.array(targetChangeSchema),
      }),
    ),
  })
  .meta({ id: 'FrameworkPublishReport' });
export type PublishReport = z.infer<typeof publishReportSchema>;

export const publishedSchema = z
  .strictObject({
    version: frameworkVersionSummarySchema,
    report: publishReportSchema,
  })
  .meta({ id: 'FrameworkPublished' });
export type Published = z.infer<typeof publishedSchema>;

// A draft is compared too, and its texts may still be empty.
const textChangeSchema = z.strictObject({ before: draftTextSchema, after: draftTextSchema });
const sideSchema = draftTextSchema.nullable();

export const frameworkDiffSchema = z
  .strictObject({
    from: frameworkVersionSummarySchema,
    to: frameworkVersionSummarySchema,
    name: textChangeSchema.nullable(),
    description: textChangeSchema.nullable(),
    scale: z.array(
      z.strictObject({
        /** 0 stands for "cannot assess". */
        level: z.number().int(),
        name: z.strictObject({ before: sideSchema, after: sideSchema }).nullable(),
        meaning: z.strictObject({ before: sideSchema, after: sideSchema }).nullable(),
      }),
    ),
    areas: z.array(
      z.strictObject({
        areaId: z.string(),
        status: z.enum(['added', 'retired', 'changed']),
        name: draftTextSchema,
        renamed: textChangeSchema.nullable(),
        description: textChangeSchema.nullable(),
        competences: z.array(
          z.strictObject({
            competenceId: z.string(),
            status: z.enum(['added', 'retired', 'changed']),
            name: draftTextSchema,
            renamed: textChangeSchema.nullable(),
            movedFrom: z.strictObject({ areaId: z.string(), name: draftTextSchema }).nullable(),
            description: textChangeSchema.nullable(),
            levels: z.array(
              z.strictObject({ level: z.number().int(), before: sideSchema, after: sideSchema }),
            ),
            evidencePrompts: z
              .strictObject({ before: z.array(draftTextSchema), after: z.array(draftTextSchema) })
              .nullable(),
          }),
        ),
      }),
    ),
    counts: diffCountsSchema,
    reordered: z.boolean(),
    unchanged: z.boolean(),
  })
  .meta({ id: 'FrameworkDiff' });
export type FrameworkDiffView = z.infer<typeof frameworkDiffSchema>;

export const diffQuerySchema = z.strictObject({
  /** The older version to compare with. */
  from: idSchema,
});

/** The format name in every exported file; a later, different format gets a new name. */
export const frameworkFileFormat = 'vejviser.framework/1' as const;

/**
 * A framework as a file, for municipalities to share: the document of one version, and where it came from. Imported,
 * it becomes a draft; see docs/framework-json.md.
 */
export const frameworkFileSchema = z
  .strictObject({
    /** The address of this JSON Schema, for editors that validate as you type. */
    $schema: z.string().max(500).optional(),
    format: z.literal(frameworkFileFormat),
    /** For the reader only; ignored on import. */
    exportedFrom: z
      .strictObject({
        municipality: z.string().max(200),
        version: z.number().int().min(1),
        publishedAt: z.iso.datetime({ offset: true }).nullable(),
      })
      .optional(),
    framework: frameworkDocumentSchema,
  })
  .meta({
    id: 'FrameworkFile',
    title: 'Vejviser competence framework',
    description:
      'A competence framework exported from Vejviser: areas, competences and a behavioural description per level of the scale, in Danish and English.',
  });
export type FrameworkFile = z.input<typeof frameworkFileSchema>;

export const roleProfileSchema = z
  .strictObject({
    id: idSchema,
    key: z.string(),
    name: localizedTextSchema,
    description: localizedTextSchema,
    frameworkVersionId: idSchema,
    targets: z.record(z.string(), z.number().int()),
    /** Raised by every change; send it back when saving. */
    revision: z.number().int().min(1),
  })
  .meta({ id: 'RoleProfile' });
export type RoleProfile = z.infer<typeof roleProfileSchema>;

export const roleProfileListSchema = z
  .strictObject({ roleProfiles: z.array(roleProfileSchema) })
  .meta({ id: 'RoleProfileList' });

const roleProfileText = z.strictObject({
  da: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
});

export const roleProfileInputSchema = z
  .strictObject({
    frameworkVersionId: idSchema,
    /** Stable; a person's default role profile refers to it, so it cannot change later. */
    key: contentIdSchema,
    name: roleProfileText,
    description: roleProfileText,
    targets: z.record(z.string().max(64), z.number().int()),
  })
  .meta({ id: 'RoleProfileInput' });
export type RoleProfileInput = z.infer<typeof roleProfileInputSchema>;

export const roleProfileUpdateSchema = z
  .strictObject({
    revision: z.number().int().min(1),
    name: roleProfileText,
    description: roleProfileText,
    targets: z.record(z.string().max(64), z.number().int()),
  })
  .meta({ id: 'RoleProfileUpdate' });
export type RoleProfileUpdate = z.infer<typeof roleProfileUpdateSchema>;
