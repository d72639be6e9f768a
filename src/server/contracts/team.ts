/** @module Contracts of the team overview: one unit's matrix, the figures across units, and the matrix's export. */
import { z } from 'zod';
import { distanceBands } from '../../domain/team.ts';
import { idSchema } from './common.ts';
import { personRefSchema } from './people.ts';

const isoDate = z.iso.date();
const levelOrNull = z.number().nullable();
const unitRef = z.strictObject({ id: idSchema, name: z.string() });
const roundRef = z.strictObject({ id: idSchema, name: z.string(), deadline: isoDate });

export const teamOverviewQuerySchema = z.strictObject({
  /** `true` adds each person's own levels from the same round. */
  self: z.enum(['true', 'false']).optional(),
});

export const matrixCellSchema = z.strictObject({
  competenceId: z.string(),
  /** Absent when not rated; null for "cannot assess". */
  leader: levelOrNull.optional(),
  self: levelOrNull.optional(),
  target: levelOrNull,
  gap: levelOrNull,
  band: z.enum(distanceBands),
});

export const competenceSummarySchema = z.strictObject({
  competenceId: z.string(),
  areaId: z.string(),
  ratedCount: z.number().int(),
  average: levelOrNull,
  averageTarget: levelOrNull,
  averageGap: levelOrNull,
  belowCount: z.number().int(),
  /** 0–1. */
  shareBelow: levelOrNull,
});

export const teamOverviewSchema = z
  .strictObject({
    unit: unitRef,
    /** The unit and the units below it, whose people are the rows. */
    units: z.array(unitRef),
    /** The framework whose competences are the columns: the municipality's newest published version. */
    frameworkVersionId: idSchema,
    includesSelf: z.boolean(),
    rows: z.array(
      z.strictObject({
        person: personRefSchema,
        unitId: idSchema.nullable(),
        /** The person's latest round with a submitted leader assessment; null when never rated by a leader. */
        round: roundRef.nullable(),
        cells: z.array(matrixCellSchema),
        belowCount: z.number().int(),
        totalGap: levelOrNull,
      }),
    ),
    summaries: z.array(competenceSummarySchema),
    strongest: z.array(z.string()),
    weakest: z.array(z.string()),
    minGroupSize: z.number().int(),
  })
  .meta({ id: 'TeamOverview' });
export type TeamOverview = z.infer<typeof teamOverviewSchema>;

export const exportQuerySchema = z.strictObject({
  format: z.enum(['xlsx', 'csv']),
  self: z.enum(['true', 'false']).optional(),
  /** Only this area's competences. */
  areaId: z.string().max(64).optional(),
  lang: z.enum(['da', 'en']).optional(),
});

export const unitAggregatesQuerySchema = z.strictObject({ roundId: idSchema.optional() });

export const unitAggregatesSchema = z
  .strictObject({
    frameworkVersionId: idSchema,
    /** Rounds with leader ratings in the caller's units, newest first. */
    rounds: z.array(roundRef),
    /** The round shown: the one asked for, or the newest. Null when there is none yet. */
    round: roundRef.nullable(),
    minGroupSize: z.number().int(),
    units: z.array(
      z.strictObject({
        unit: unitRef,
        /** False when fewer than the minimum were rated: then every figure of the unit is withheld. */
        reportable: z.boolean(),
        /** 0 when withheld. */
        peopleCount: z.number().int(),
        competences: z.array(
          z.strictObject({
            competenceId: z.string(),
            /** Null when withheld. */
            ratedCount: z.number().int().nullable(),
            average: levelOrNull,
            averageTarget: levelOrNull,
            shareBelow: levelOrNull,
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'UnitAggregates' });
export type UnitAggregates = z.infer<typeof unitAggregatesSchema>;
