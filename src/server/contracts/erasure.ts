/** @module Contracts of retention and erasure: the people who left, and when each kind of their data goes. */
import { z } from 'zod';
import { personalDataTypes } from '../../domain/retention.ts';
import { unitRefSchema } from './auth.ts';
import { idSchema } from './common.ts';

export const personalDataTypeSchema = z.enum(personalDataTypes);

export const departedPersonSchema = z
  .strictObject({
    id: idSchema,
    /** The stored name; for an anonymised person a neutral label, which the web shows translated. */
    name: z.string(),
    unit: unitRefSchema.nullable(),
    /** When the person left (was deactivated). */
    deactivatedAt: z.iso.datetime(),
    /** When the identity was replaced by a label; null while the person is still named. */
    anonymisedAt: z.iso.datetime().nullable(),
    /** Per kind of data: when it will be erased by the schedule, and when it was erased (null until then). */
    dataTypes: z.array(
      z.strictObject({
        type: personalDataTypeSchema,
        erasesAt: z.iso.datetime(),
        erasedAt: z.iso.datetime().nullable(),
      }),
    ),
  })
  .meta({ id: 'DepartedPerson' });
export type DepartedPerson = z.infer<typeof departedPersonSchema>;

export const departedListSchema = z
  .strictObject({ people: z.array(departedPersonSchema) })
  .meta({ id: 'DepartedPeople' });
export type DepartedList = z.infer<typeof departedListSchema>;
