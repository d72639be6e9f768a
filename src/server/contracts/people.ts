/** @module Contracts of units and people: the team list, the admin user list and one person. */
import { z } from 'zod';
import { roleSchema, unitRefSchema } from './auth.ts';
import { idSchema } from './common.ts';

export const personRefSchema = z.strictObject({ id: idSchema, name: z.string() });

export const unitSchema = z
  .strictObject({
    id: idSchema,
    name: z.string(),
    parentId: idSchema.nullable(),
    leaders: z.array(personRefSchema),
    memberCount: z.number().int(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof unitSchema>;
export const unitListSchema = z.strictObject({ units: z.array(unitSchema) }).meta({ id: 'UnitList' });

export const personSchema = z
  .strictObject({
    id: idSchema,
    name: z.string(),
    email: z.string(),
    title: z.string().nullable(),
    roles: z.array(roleSchema),
    unit: unitRefSchema.nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof personSchema>;

export const teamSchema = z
  .strictObject({ units: z.array(unitRefSchema), members: z.array(personSchema) })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof teamSchema>;

export const userListSchema = z.strictObject({ users: z.array(personSchema) }).meta({ id: 'UserList' });
