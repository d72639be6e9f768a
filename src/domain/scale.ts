/** @module The rating scale: ordered levels, each with a name and a one-line meaning, plus "cannot assess". */
import { z } from 'zod';
import { localizedTextSchema } from './text.ts';

export const scaleLevelSchema = z.strictObject({
  /** 1 is the lowest level; levels are numbered 1..n without gaps. */
  level: z.number().int().min(1).max(10),
  name: localizedTextSchema,
  meaning: localizedTextSchema,
});

export const scaleSchema = z
  .strictObject({
    levels: z.array(scaleLevelSchema).min(2).max(10),
    /** Offered beside the levels so nobody has to guess; never counted as a level. */
    cannotAssess: z.strictObject({ name: localizedTextSchema, meaning: localizedTextSchema }),
  })
  .superRefine((scale, ctx) => {
    scale.levels.forEach((entry, index) => {
      if (entry.level !== index + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index, 'level'],
          message: `levels must be numbered 1..n in order; expected ${index + 1}, found ${entry.level}`,
        });
      }
    });
  });

export type ScaleLevel = z.infer<typeof scaleLevelSchema>;
export type Scale = z.infer<typeof scaleSchema>;

export const levelNumbers = (scale: Scale): number[] => scale.levels.map((entry) => entry.level);
