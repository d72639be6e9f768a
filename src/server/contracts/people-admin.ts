/** @module Contracts of the administrator's work on people and units, and of the people import. */
import { z } from 'zod';
import { grantedRoles, peopleLimits } from '../../domain/people-admin.ts';
import { importIssueCodes, importSheets } from '../../domain/people-import.ts';
import { localeSchema } from '../../domain/text.ts';
import { roleSchema, unitRefSchema } from './auth.ts';
import { idSchema } from './common.ts';
import { personRefSchema } from './people.ts';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
const version = z.number().int().min(1);

export const grantedRoleSchema = z.enum(grantedRoles);

export const userInputSchema = z
  .strictObject({
    name: required(peopleLimits.name),
    email: z.email().max(peopleLimits.email),
    /** Empty or null: no title. */
    title: text(peopleLimits.title).nullable(),
    /** Granted roles; leadership follows from leading a unit. At least one. */
    roles: z.array(grantedRoleSchema).max(grantedRoles.length),
    unitId: idSchema.nullable(),
    /** The role profile a new round gives the person, by key; null for the default of their role. */
    roleProfileKey: z.string().max(64).nullable(),
    /** The key from the HR system, used by the import; empty or null when there is none. */
    externalId: text(peopleLimits.externalId).nullable(),
    locale: localeSchema,
  })
  .meta({ id: 'UserInput' });
export type UserInput = z.infer<typeof userInputSchema>;

export const userUpdateSchema = userInputSchema.extend({ version }).meta({ id: 'UserUpdate' });
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const activeInputSchema = z.strictObject({ active: z.boolean(), version }).meta({ id: 'ActiveInput' });
export type ActiveInput = z.infer<typeof activeInputSchema>;

export const adminUserSchema = z
  .strictObject({
    id: idSchema,
    name: z.string(),
    email: z.string(),
    title: z.string().nullable(),
    grantedRoles: z.array(grantedRoleSchema),
    /** Granted roles plus `leader` when the person leads a unit. */
    roles: z.array(roleSchema),
    unit: unitRefSchema.nullable(),
    ledUnits: z.array(unitRefSchema),
    roleProfileKey: z.string().nullable(),
    externalId: z.string().nullable(),
    locale: localeSchema,
    active: z.boolean(),
    /** Send back with a change; a change based on an older version is refused with 409. */
    version: z.number().int(),
  })
  .meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof adminUserSchema>;

export const unitInputSchema = z
  .strictObject({
    name: required(peopleLimits.unitName),
    parentId: idSchema.nullable(),
    externalId: text(peopleLimits.externalId).nullable(),
  })
  .meta({ id: 'UnitInput' });
export type UnitInput = z.infer<typeof unitInputSchema>;

export const unitUpdateSchema = unitInputSchema.extend({ version }).meta({ id: 'UnitUpdate' });
export type UnitUpdate = z.infer<typeof unitUpdateSchema>;

export const leadersInputSchema = z
  .strictObject({ leaderIds: z.array(idSchema).max(20), version })
  .meta({ id: 'LeadersInput' });
export type LeadersInput = z.infer<typeof leadersInputSchema>;

export const adminUnitSchema = z
  .strictObject({
    id: idSchema,
    name: z.string(),
    parentId: idSchema.nullable(),
    externalId: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    leaders: z.array(personRefSchema),
    /** Active people placed in the unit itself. */
    memberCount: z.number().int(),
    /** Anyone ever placed in it, active or not: a unit with none may be deleted. */
    everMemberCount: z.number().int(),
    childCount: z.number().int(),
  })
  .meta({ id: 'AdminUnit' });
export type AdminUnit = z.infer<typeof adminUnitSchema>;
export const adminUnitListSchema = z
  .strictObject({ units: z.array(adminUnitSchema) })
  .meta({ id: 'AdminUnitList' });

export const leaderChangeSchema = z
  .strictObject({
    unit: adminUnitSchema,
    added: z.array(personRefSchema),
    removed: z.array(personRefSchema),
    /** Active people in the unit and below it, whose conversations and open plans the leaders now follow. */
    peopleAffected: z.number().int(),
  })
  .meta({ id: 'LeaderChange' });
export type LeaderChange = z.infer<typeof leaderChangeSchema>;

// ——— The import ———

/** Described as a binary string in the OpenAPI document; the app's body limit bounds its size. */
const uploadedFile = z.file().meta({ type: 'string', format: 'binary' });

export const importUploadSchema = z
  .strictObject({
    /** CSV (`;` or `,`, UTF-8 or Windows-1252) or XLSX with the units' columns (docs/import.md). */
    units: uploadedFile.optional(),
    /** CSV or XLSX with the people's columns. */
    users: uploadedFile.optional(),
    /** `true`: deactivate the units and people with an external id that the given files leave out. */
    deactivateMissing: z.enum(['true', 'false']).optional(),
    /** Apply only: the dry run's `fingerprint`; if the plan is different now, nothing is applied (409). */
    expectedPlan: z.string().max(128).optional(),
  })
  .meta({ id: 'ImportUpload' });
export type ImportUpload = z.infer<typeof importUploadSchema>;

const count = z.number().int();
/** How many units and people an import creates, changes and deactivates. */
const importCounts = {
  unitsCreated: count,
  unitsChanged: count,
  unitsDeactivated: count,
  usersCreated: count,
  usersChanged: count,
  usersDeactivated: count,
};

const fieldValueSchema = z.union([z.string(), z.boolean(), z.array(z.string()), z.null()]);
const fieldChangeSchema = z.strictObject({
  field: z.enum(['externalId', 'name', 'parent', 'leaders', 'active', 'email', 'title', 'unit', 'roles']),
  /** Units and people by name, roles by code. */
  from: fieldValueSchema,
  to: fieldValueSchema,
});

const deactivationSchema = z.strictObject({ externalId: z.string(), name: z.string() });
/** A changed row: its external id and name, and what changes, field by field. */
const changeSchema = z.strictObject({
  row: z.number().int(),
  externalId: z.string(),
  name: z.string(),
  changes: z.array(fieldChangeSchema),
});

export const importResultSchema = z
  .strictObject({
    /** Counts of everything; the lists below hold at most `listLimit` entries each. */
    counts: z.strictObject({ ...importCounts, issues: z.number().int() }),
    nothingToChange: z.boolean(),
    /** True when there are no issues: only then may the plan be applied. */
    canApply: z.boolean(),
    /** Identifies this plan; send it when applying, so what is applied is what was shown. */
    fingerprint: z.string(),
    listLimit: z.number().int(),
    units: z.strictObject({
      create: z.array(
        z.strictObject({
          row: z.number().int(),
          externalId: z.string(),
          name: z.string(),
          parent: z.string().nullable(),
          leaders: z.array(z.string()),
        }),
      ),
      change: z.array(changeSchema),
      deactivate: z.array(deactivationSchema),
    }),
    users: z.strictObject({
      create: z.array(
        z.strictObject({
          row: z.number().int(),
          externalId: z.string(),
          name: z.string(),
          email: z.string(),
          title: z.string().nullable(),
          unit: z.string().nullable(),
          roles: z.array(grantedRoleSchema),
        }),
      ),
      change: z.array(changeSchema),
      deactivate: z.array(deactivationSchema),
    }),
    /** Every problem, in the caller's language; never a cell of a row refused for a CPR number. */
    issues: z.array(
      z.strictObject({
        file: z.enum(importSheets),
        /** As a spreadsheet numbers it: the header is row 1. Null for the file as a whole. */
        row: z.number().int().nullable(),
        column: z.string().nullable(),
        code: z.enum(importIssueCodes),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof importResultSchema>;

export const importAppliedSchema = z
  .strictObject({
    /** What was done; `sessionsEnded` counts the sessions of people deactivated, which ended at once. */
    counts: z.strictObject({ ...importCounts, sessionsEnded: z.number().int() }),
    nothingChanged: z.boolean(),
  })
  .meta({ id: 'ImportApplied' });
export type ImportApplied = z.infer<typeof importAppliedSchema>;
